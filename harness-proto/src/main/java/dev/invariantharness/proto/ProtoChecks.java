package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.proto.internal.BreakingRules;
import dev.invariantharness.proto.internal.RuleCatalog;
import dev.invariantharness.proto.internal.Collector;
import dev.invariantharness.proto.internal.Image;
import dev.invariantharness.proto.internal.LintRules;
import dev.invariantharness.proto.internal.ModuleConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * buf's {@code lint} and {@code breaking}, in process: the same rule ids, categories,
 * configuration and findings (path, line, column, message) as buf gives for the same input.
 *
 * <pre>{@code
 * ProtoImage current = ProtoInput.directory(Path.of("proto")).load();
 * List<CheckFinding> lint = ProtoChecks.lint(current);
 * List<CheckFinding> breaking = ProtoChecks.breaking(current, ProtoInput.directory(Path.of("baseline")).load());
 * }</pre>
 *
 * <p>Rules come from each module's buf.yaml ({@code lint} / {@code breaking}: {@code use},
 * {@code except}, {@code ignore}, {@code ignore_only} and the rule options); without one, buf's
 * defaults (lint {@code STANDARD}, breaking {@code FILE}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoChecks {

  private ProtoChecks() {}

  /** The lint findings of {@code image}, in buf's order. */
  public static List<CheckFinding> lint(ProtoImage image) {
    Image internal = image.internal();
    Collector collector = new Collector(internal, true);
    LintRules.run(internal, file -> internal.configOf(file.name()).lint(), collector);
    return collector.findings();
  }

  /**
   * The breaking changes from {@code against} to {@code current} under the rules or categories
   * {@code use} (e.g. {@code "WIRE"}), instead of the modules' own {@code use}/{@code except};
   * their {@code ignore} settings still apply.
   *
   * @throws dev.invariantharness.HarnessInputException when an id is no buf breaking rule or category
   */
  public static List<CheckFinding> breaking(ProtoImage current, ProtoImage against, String... use) {
    Set<String> rules = new HashSet<>();
    RuleCatalog catalog = RuleCatalog.of("breaking", "v2");
    for (String id : use) {
      List<String> expanded = catalog.expand(id);
      if (expanded.isEmpty()) {
        throw new HarnessInputException(id, "is no buf breaking rule or category");
      }
      rules.addAll(expanded);
    }
    Image internal = current.internal();
    Collector collector = new Collector(internal, false, rules);
    BreakingRules.run(internal, against.internal(), rules, collector);
    return collector.findings();
  }

  /** The breaking changes from {@code against} (the baseline) to {@code current}, in buf's order. */
  public static List<CheckFinding> breaking(ProtoImage current, ProtoImage against) {
    Image internal = current.internal();
    Set<String> rules = new HashSet<>();
    for (ModuleConfig config : internal.configs()) {
      rules.addAll(config.breaking().rules());
    }
    Collector collector = new Collector(internal, false);
    BreakingRules.run(internal, against.internal(), rules, collector);
    return collector.findings();
  }
}
