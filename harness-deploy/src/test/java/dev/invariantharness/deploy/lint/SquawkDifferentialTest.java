package dev.invariantharness.deploy.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The linter against squawk-cli itself (pinned in src/test/squawk, installed by the build with
 * npm ci) on a corpus of migration files: for every rule the linter claims, the same
 * (rule, file, line, column) findings, and the same answer on files squawk cannot parse.
 */
class SquawkDifferentialTest {

  private static final Path CORPUS = Path.of("src/test/resources/lint-corpus");

  private static List<Path> corpus() throws Exception {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
    }
  }

  private static JsonNode squawk(List<String> args, List<Path> files) throws Exception {
    String bin = System.getProperty("squawk.bin");
    assertThat(bin).as("squawk.bin (set by the build)").isNotNull();
    List<String> cmd = new ArrayList<>(List.of(bin, "--reporter", "json"));
    cmd.addAll(args);
    files.forEach(f -> cmd.add(f.getFileName().toString()));
    Process p = new ProcessBuilder(cmd).directory(CORPUS.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }

  private static Set<String> claimedOf(JsonNode squawk) {
    Set<String> out = new TreeSet<>();
    for (JsonNode v : squawk) {
      String rule = v.get("rule_name").asText();
      String file = Path.of(v.get("file").asText()).getFileName().toString();
      if (rule.equals("syntax-error")) {
        out.add(file + " cannot be parsed");
      } else if (MigrationLinter.rules().contains(rule)) {
        out.add(file + ":" + v.get("line").asInt() + ":" + v.get("column").asInt() + " " + rule);
      }
    }
    return out;
  }

  private static Set<String> ours(LintReport report) {
    Set<String> out = new TreeSet<>();
    for (LintViolation v : report.violations()) {
      String file = Path.of(v.file()).getFileName().toString();
      out.add(v.ruleName().equals("syntax-error") ? file + " cannot be parsed"
          : file + ":" + v.line() + ":" + v.column() + " " + v.ruleName());
    }
    return out;
  }

  /** Fails with only the disagreements: what squawk found that we did not, and the reverse. */
  private static void assertSame(Set<String> squawk, Set<String> ours) {
    Set<String> missed = new TreeSet<>(squawk);
    missed.removeAll(ours);
    Set<String> extra = new TreeSet<>(ours);
    extra.removeAll(squawk);
    assertThat(missed).as("found by squawk, not by the linter").isEmpty();
    assertThat(extra).as("found by the linter, not by squawk").isEmpty();
    assertThat(ours).hasSameSizeAs(squawk);
  }

  @Test
  void everyClaimedRuleAgreesWithSquawkOnTheWholeCorpus() throws Exception {
    List<Path> files = corpus();
    assertThat(files).hasSizeGreaterThanOrEqualTo(80);
    Set<String> expected = claimedOf(squawk(List.of(), files));
    Set<String> actual = ours(MigrationLinter.squawkDefaults().lint(files));
    assertSame(expected, actual);
    // every claimed rule fires somewhere in the corpus (prefer-repack only for PostgreSQL 19, below)
    for (String rule : MigrationLinter.rules()) {
      if (!rule.equals("prefer-repack")) {
        assertThat(expected).as(rule).anyMatch(e -> e.endsWith(" " + rule));
      }
    }
    assertThat(expected).anyMatch(e -> e.endsWith("cannot be parsed"));
  }

  /**
   * Target versions on both sides of every threshold squawk has: 11 (a non-volatile default is
   * free only after 11, and {@code 11} is older than {@code 11.0}), 12 (a validated NOT NULL
   * check makes SET NOT NULL safe) and 19 (prefer-repack).
   */
  @ParameterizedTest(name = "--pg-version {0}")
  @CsvSource({"10, true", "11, true", "11.0, true", "12, false", "18.9, false", "19, true", "19.0.1, true"})
  void pgVersionChangesTheAnswersAsItDoesForSquawk(String version, boolean differsFromDefault) throws Exception {
    List<Path> files = corpus();
    Set<String> expected = claimedOf(squawk(List.of("--pg-version", version), files));
    Set<String> actual = ours(MigrationLinter.squawkDefaults().pgVersion(version).lint(files));
    assertSame(expected, actual);
    Set<String> byDefault = claimedOf(squawk(List.of(), files));
    assertThat(expected.equals(byDefault)).as("the same answers as for the default 15.0.0").isEqualTo(!differsFromDefault);
  }

  @Test
  void theVersionFlipsAreTheOnesTheCorpusWasWrittenFor() throws Exception {
    List<Path> files = corpus();
    MigrationLinter linter = MigrationLinter.squawkDefaults();
    Set<String> pg15 = ours(linter.lint(files));
    Set<String> pg11 = ours(MigrationLinter.squawkDefaults().pgVersion("11").lint(files));
    Set<String> pg19 = ours(MigrationLinter.squawkDefaults().pgVersion("19").lint(files));
    assertThat(pg15).noneMatch(e -> e.startsWith("137_") && e.endsWith("adding-field-with-default"))
        .noneMatch(e -> (e.startsWith("141_") || e.startsWith("142_")) && e.endsWith("adding-not-nullable-field"));
    assertThat(pg11).anyMatch(e -> e.startsWith("137_") && e.endsWith("adding-field-with-default"))
        .anyMatch(e -> e.startsWith("141_") && e.endsWith("adding-not-nullable-field"))
        .anyMatch(e -> e.startsWith("142_") && e.endsWith("adding-not-nullable-field"));
    assertThat(pg15).noneMatch(e -> e.endsWith("prefer-repack"));
    assertThat(pg19).contains("155_cluster_vacuum_full.sql:2:0 prefer-repack", "155_cluster_vacuum_full.sql:3:0 prefer-repack",
        "155_cluster_vacuum_full.sql:4:0 prefer-repack", "155_cluster_vacuum_full.sql:5:0 prefer-repack")
        .noneMatch(e -> e.startsWith("156_") && e.endsWith("prefer-repack"));
  }

  @Test
  void excludeAndAssumeInTransactionAgreeWithSquawk() throws Exception {
    List<Path> files = corpus();
    Set<String> expected = claimedOf(squawk(List.of("--exclude=ban-drop-column,renaming-table", "--assume-in-transaction"), files));
    Set<String> actual = ours(MigrationLinter.squawkDefaults().exclude("ban-drop-column,renaming-table")
        .assumeInTransaction(true).lint(files));
    assertSame(expected, actual);
  }
}
