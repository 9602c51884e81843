package dev.invariantharness.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.internal.AtomicFiles;
import dev.invariantharness.report.internal.FileTrees;
import dev.invariantharness.report.internal.HtmlMatrix;
import dev.invariantharness.report.internal.LatestPointer;
import dev.invariantharness.report.internal.ReportDirectories;
import dev.invariantharness.report.internal.ReportFacts;
import dev.invariantharness.report.internal.ResultsTsv;
import dev.invariantharness.report.internal.SummaryJson;
import dev.invariantharness.report.internal.SummaryMarkdown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Writes one report directory, {@code <reportsRoot>/<timestamp>/}, with every view of a
 * {@link GateReport} and the run's evidence, and points {@code <reportsRoot>/latest} at it.
 *
 * <pre>{@code
 * Path dir = new ReportWriter().write(report, Path.of("target/invariant-reports"),
 *     stagingRoot, redactor::redact);
 * // target/invariant-reports/20261122T223614Z/: results.tsv, SUMMARY.md, summary.json,
 * //   index.html and evidence/
 * // target/invariant-reports/latest -> 20261122T223614Z, and LATEST containing its name
 * }</pre>
 *
 * <p>Nothing is ever half written under a name a reader would open: the directory is filled
 * under a hidden temporary name and renamed into place, and {@code latest} is swapped by
 * rename too. If a view fails, the previous report and {@code latest} stay as they were and
 * the temporary directory is removed. A process killed mid-write can leave a hidden
 * {@code .tmp-*} directory behind, never a final one.
 *
 * <p>The views are a list, so adding a view touches nothing else:
 * {@code new ReportWriter(List.of(new MyView(), ...))}; {@link #defaultViews()} gives the four
 * standard ones ({@code results.tsv}, {@code SUMMARY.md}, {@code summary.json},
 * {@code index.html}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ReportWriter {

  /** The evidence subtree copied from the staging directory into the report directory. */
  public static final String EVIDENCE_DIRECTORY = "evidence";

  private final List<ReportView> views;
  private final LatestPointer latest = new LatestPointer();

  /** A writer of the {@link #defaultViews()}. */
  public ReportWriter() {
    this(defaultViews());
  }

  /**
   * A writer of these views, in this order.
   *
   * @throws IllegalArgumentException if two views write the same file, or a view's file name
   *     is blank, absolute, leaves the report directory or lies under {@code evidence/}
   */
  public ReportWriter(List<? extends ReportView> views) {
    this.views = List.copyOf(views);
    Set<Path> names = new HashSet<>();
    for (ReportView view : this.views) {
      Path name = checkedFileName(view);
      if (!names.add(name)) {
        throw new IllegalArgumentException("two report views write " + name);
      }
    }
  }

  /** {@code results.tsv}, {@code SUMMARY.md}, {@code summary.json} and {@code index.html}. */
  public static List<ReportView> defaultViews() {
    return List.of(new ResultsTsv(), new SummaryMarkdown(), new SummaryJson(), new HtmlMatrix());
  }

  /** The views this writer renders. */
  public List<ReportView> views() {
    return views;
  }

  /**
   * Writes the report directory and updates {@code latest}.
   *
   * @param report the report to render
   * @param reportsRoot the directory holding one directory per run, created if missing
   * @param evidenceStaging a directory whose {@code evidence/} subtree is copied into the
   *     report directory, or {@code null} when there is no evidence
   * @param sanitizer applied to the content of every rendered file before it is written, a
   *     last line of defence against secrets (evidence files are copied as they are: they are
   *     redacted when written); {@code null} for none
   * @return the report directory, {@code reportsRoot/<timestamp>} (with a {@code -2}, {@code
   *     -3}, ... suffix when a run in the same second took the name)
   * @throws HarnessInputException naming the path when {@code reportsRoot} cannot be created or
   *     written, or {@code evidenceStaging} is not a directory
   * @throws IllegalStateException naming the view when a view fails to render
   * @throws UncheckedIOException when writing fails for another reason (a full disk, say)
   */
  public Path write(
      GateReport report, Path reportsRoot, Path evidenceStaging, UnaryOperator<String> sanitizer) {
    return write(report, reportsRoot, evidenceStaging, sanitizer, rendered -> { });
  }

  /**
   * As {@link #write(GateReport, Path, Path, UnaryOperator)}, handing every view's sanitized
   * content, by file name, to {@code beforeWriting} once all are rendered and before any file is
   * written: the harness keeps its run's part, {@code summary.json} as it is, ahead of the report
   * that includes it, without rendering it twice.
   *
   * @param beforeWriting given an unmodifiable map from file name to content, in view order;
   *     whatever it throws ends the write with nothing published
   * @throws UncheckedIOException also when {@code beforeWriting} throws one
   */
  public Path write(GateReport report, Path reportsRoot, Path evidenceStaging, UnaryOperator<String> sanitizer,
      RenderedViews beforeWriting) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(beforeWriting, "beforeWriting");
    Objects.requireNonNull(reportsRoot, "reportsRoot");
    UnaryOperator<String> clean = sanitizer == null ? UnaryOperator.identity() : sanitizer;
    Path evidence = evidenceOf(evidenceStaging);
    Path root = ReportDirectories.prepareRoot(reportsRoot);
    String base = ReportFacts.compactTimestamp(report.generatedAt());
    Path staged = ReportDirectories.stage(root, base);
    Path published;
    try {
      if (evidence != null) {
        FileTrees.copy(evidence, staged.resolve(EVIDENCE_DIRECTORY));
      }
      // The views are independent: render them side by side, then write them in view order.
      List<String> contents = views.parallelStream()
          .map(view -> Objects.requireNonNull(clean.apply(render(view, report)), "sanitizer returned null for " + view.fileName()))
          .toList();
      Map<String, String> byName = new LinkedHashMap<>();
      for (int i = 0; i < views.size(); i++) {
        byName.put(views.get(i).fileName(), contents.get(i));
      }
      beforeWriting.accept(Collections.unmodifiableMap(byName));
      for (int i = 0; i < views.size(); i++) {
        Path file = staged.resolve(views.get(i).fileName());
        if (!file.getParent().equals(staged)) {
          Files.createDirectories(file.getParent());
        }
        AtomicFiles.writeNew(file, contents.get(i).getBytes(StandardCharsets.UTF_8));
      }
      published = ReportDirectories.publish(staged, root, base);
    } catch (IOException e) {
      UncheckedIOException failure =
          new UncheckedIOException("cannot write the report under " + root + ": " + e, e);
      FileTrees.deleteQuietly(staged, failure);
      throw failure;
    } catch (RuntimeException | Error e) {
      FileTrees.deleteQuietly(staged, e);
      throw e;
    }
    try {
      latest.update(root, published);
    } catch (IOException e) {
      throw new UncheckedIOException("the report was written to " + published + " but "
          + root.resolve(LatestPointer.LINK) + " could not be updated: " + e, e);
    }
    return published;
  }

  /** What is done with a report's rendered views before they are written. */
  @FunctionalInterface
  public interface RenderedViews {
    /**
     * Called once per write with every view's content by file name.
     *
     * @throws IOException to end the write with nothing published
     */
    void accept(Map<String, String> contentByFileName) throws IOException;
  }

  private static String render(ReportView view, GateReport report) {
    try {
      return Objects.requireNonNull(view.render(report), "rendered null");
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "report view " + view.fileName() + " failed to render: " + e.getMessage(), e);
    }
  }

  private static Path evidenceOf(Path staging) {
    if (staging == null) {
      return null;
    }
    if (!Files.isDirectory(staging)) {
      throw new HarnessInputException(staging.toString(),
          Files.exists(staging) ? "the evidence staging directory is a file, not a directory"
              : "the evidence staging directory does not exist");
    }
    Path evidence = staging.resolve(EVIDENCE_DIRECTORY);
    return Files.isDirectory(evidence, LinkOption.NOFOLLOW_LINKS) ? evidence : null;
  }

  private static Path checkedFileName(ReportView view) {
    String name = view.fileName();
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(view.getClass().getName() + " has a blank file name");
    }
    Path path = Path.of(name);
    Path normal = path.normalize();
    if (path.isAbsolute() || normal.startsWith("..") || normal.toString().isEmpty()
        || normal.startsWith(EVIDENCE_DIRECTORY)) {
      throw new IllegalArgumentException("report view " + view.getClass().getName()
          + " writes '" + name + "'; a view's file must be a relative path inside the report "
          + "directory and outside " + EVIDENCE_DIRECTORY + "/");
    }
    return normal;
  }
}
