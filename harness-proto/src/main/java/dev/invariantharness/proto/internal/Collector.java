package dev.invariantharness.proto.internal;

import dev.invariantharness.proto.CheckFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns rule reports into findings the way buf filters annotations: rules not configured for the
 * file's module, {@code ignore} / {@code ignore_only} paths, {@code ignore_unstable_packages}
 * (breaking) and {@code // buf:lint:ignore RULE} comments (lint, when allowed).
 */
public final class Collector implements Sink {

  private final Image image;
  private final boolean lint;
  private final Set<CheckFinding> findings = new TreeSet<>(CheckFinding.ORDER);
  private final Set<String> ruleOverride;

  public Collector(Image image, boolean lint) {
    this(image, lint, null);
  }

  /** {@code ruleOverride}, when not null, replaces each module's {@code use}/{@code except}. */
  public Collector(Image image, boolean lint, Set<String> ruleOverride) {
    this.image = image;
    this.lint = lint;
    this.ruleOverride = ruleOverride;
  }

  @Override
  public void add(String rule, ProtoFile file, Span span, ProtoFile against, String message) {
    String name = file != null ? file.name() : against != null ? against.name() : null;
    ModuleConfig module = name == null ? image.configOf("") : image.configOf(name);
    CheckConfig config = lint ? module.lint() : module.breaking();
    if (!(ruleOverride != null ? ruleOverride : config.rules()).contains(rule)) {
      return;
    }
    if (file != null && config.ignores(rule, file.name())) {
      return;
    }
    if (against != null && config.ignores(rule, against.name())) {
      return;
    }
    if (!lint && config.flag("ignore_unstable_packages", false)
        && (unstable(file) || unstable(against))) {
      return;
    }
    if (lint && file != null && span != null && config.flag("allow_comment_ignores", false)
        && commentIgnored(file, span.path(), rule)) {
      return;
    }
    Span s = span == null ? Span.NONE : span;
    String path = file == null ? "" : file.displayPath();
    findings.add(new CheckFinding(path, s.startLine(), s.startColumn(), s.endLine(), s.endColumn(), rule, message));
  }

  private static boolean unstable(ProtoFile file) {
    if (file == null) {
      return false;
    }
    PackageVersion version = PackageVersion.of(file.packageName());
    return version != null && !version.stable();
  }

  private static boolean commentIgnored(ProtoFile file, List<Integer> path, String rule) {
    if (path.isEmpty()) {
      return false;
    }
    for (List<Integer> associated : List.of(path, declaration(path))) {
      for (String line : file.leadingComments(associated).split("\n")) {
        if (line.strip().startsWith("buf:lint:ignore " + rule)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The path of the declaration {@code path} points into (a name or option inside an element). */
  static List<Integer> declaration(List<Integer> path) {
    int kind;
    int pos;
    if (path.size() >= 2 && List.of(3, 4, 5, 6, 7).contains(path.get(0))) {
      kind = path.get(0);
      pos = 2;
    } else {
      return path;
    }
    int last = pos;
    while (path.size() >= pos + 2) {
      int tag = path.get(pos);
      int next;
      if (kind == 4 && (tag == 2 || tag == 3 || tag == 4 || tag == 6 || tag == 8)) {
        next = tag == 3 ? 4 : tag == 4 ? 5 : tag == 2 || tag == 6 ? 7 : 8;
      } else if ((kind == 5 || kind == 6) && tag == 2) {
        next = kind == 5 ? 50 : 60;
      } else {
        break;
      }
      kind = next;
      pos += 2;
      last = pos;
    }
    return new ArrayList<>(path.subList(0, last));
  }

  public List<CheckFinding> findings() {
    return List.copyOf(findings);
  }
}
