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
    // every claimed rule fires somewhere in the corpus, and somewhere it must not
    for (String rule : MigrationLinter.rules()) {
      assertThat(expected).as(rule).anyMatch(e -> e.endsWith(" " + rule));
    }
    assertThat(expected).anyMatch(e -> e.endsWith("cannot be parsed"));
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
