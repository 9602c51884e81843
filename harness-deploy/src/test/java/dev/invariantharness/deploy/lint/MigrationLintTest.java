package dev.invariantharness.deploy.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.deploy.cli.DeployCommand;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MigrationLintTest {

  /** Timeouts set, so each test sees only the rule it is about. */
  private static final String TIMEOUTS = "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\n";

  @TempDir Path dir;

  private Path file(String name, String sql) throws Exception {
    return Files.writeString(dir.resolve(name), sql);
  }

  @Test
  void aDropColumnDuringAnOpenOverlapWindowBlocksInv09() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("0042_drop_email.sql",
        TIMEOUTS + "ALTER TABLE users DROP COLUMN IF EXISTS email;\n"))).duringOverlap(true);
    assertThatThrownBy(report::assertNoBlocking).isInstanceOfSatisfying(InvariantViolation.class, v -> {
      assertThat(v.invariant()).isEqualTo("INV-09");
      assertThat(v.findings()).extracting(Finding::message).containsExactly(
          "ban-drop-column while a mixed-version window is open: Dropping a column may break existing clients.");
      assertThat(v.findings().get(0).location()).endsWith("0042_drop_email.sql:3:19");
    });
  }

  @Test
  void theSameDropAfterTheWindowClosedIsOnlyALintWarning() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("0050_contract.sql",
        TIMEOUTS + "ALTER TABLE users DROP COLUMN IF EXISTS email;\n")));
    report.duringOverlap(false).assertNoBlocking();
    assertThat(report.violations()).extracting(LintViolation::ruleName).containsExactly("ban-drop-column");
  }

  @Test
  void lockingRulesWarnButNeverBlockTheOverlap() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("0043_index.sql",
        TIMEOUTS + "CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);\n"))).duringOverlap(true);
    report.assertNoBlocking();
    assertThat(report.violations()).extracting(LintViolation::ruleName).containsExactly("require-concurrent-index-creation");
  }

  @Test
  void rewritesAndScansWarnButDoNotBlockTheOverlap() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("0046_backfill_shape.sql", TIMEOUTS
        + "ALTER TABLE users ADD COLUMN IF NOT EXISTS public_id uuid DEFAULT gen_random_uuid();\n"
        + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;\n")));
    report.duringOverlap(true).assertNoBlocking();
    assertThat(report.violations()).extracting(LintViolation::ruleName)
        .contains("adding-field-with-default", "adding-not-nullable-field");
  }

  @Test
  void expandOnlyMigrationsPassDuringTheOverlap() throws Exception {
    MigrationLinter.squawkDefaults().lint(List.of(file("0044_expand.sql",
        "ALTER TABLE users ADD COLUMN display_name text;\n"
            + "ALTER TABLE users ADD COLUMN tier bigint NOT NULL DEFAULT 0;\n"
            + "CREATE INDEX CONCURRENTLY users_tier_idx ON users (tier);\n"
            + "ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) NOT VALID;\n")))
        .duringOverlap(true).assertNoBlocking();
  }

  @Test
  void aFilePostgresCannotParseBlocksWhateverTheWindow() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("bad.sql", "SELECT 1;\nALTR TABLE x;\n")));
    assertThat(report.violations()).singleElement().satisfies(v -> {
      assertThat(v.ruleName()).isEqualTo("syntax-error");
      assertThat(v.level()).isEqualTo("Error");
      assertThat(v.line()).isEqualTo(1);
      assertThat(v.column()).isZero();
    });
    assertThat(report.blocking().list()).hasSize(1);
  }

  @Test
  void squawkIgnoreCommentsSilenceOnlyTheirRules() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("ignored.sql",
        TIMEOUTS + "-- squawk-ignore ban-drop-column\nALTER TABLE users DROP COLUMN IF EXISTS a;\n"
            + "-- squawk-ignore ban-drop-table\nALTER TABLE users DROP COLUMN IF EXISTS b;\n")));
    assertThat(report.violations()).extracting(LintViolation::ruleName, LintViolation::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ban-drop-column", 5));
  }

  @Test
  void aMisspelledIgnoreSilencesNothingAndIsReportedWhereItIsWritten() throws Exception {
    LintReport report = MigrationLinter.squawkDefaults().lint(List.of(file("typo.sql",
        TIMEOUTS + "-- squawk-ignore ban-drop-colum\nALTER TABLE users DROP COLUMN IF EXISTS a;\n")));
    assertThat(report.violations()).extracting(LintViolation::ruleName, LintViolation::line, LintViolation::column,
        LintViolation::message).containsExactly(
            org.assertj.core.groups.Tuple.tuple("unused-ignore", 2, 17, "unknown name ban-drop-colum"),
            org.assertj.core.groups.Tuple.tuple("ban-drop-column", 3, 18, "Dropping a column may break existing clients."));
  }

  @Test
  void theTargetVersionDecidesWhetherAConstantDefaultRewritesTheTable() throws Exception {
    Path add = file("0045_add_tier.sql", TIMEOUTS + "ALTER TABLE users ADD COLUMN IF NOT EXISTS tier bigint DEFAULT 0;\n");
    assertThat(MigrationLinter.squawkDefaults().lint(List.of(add)).violations()).isEmpty();
    assertThat(MigrationLinter.squawkDefaults().pgVersion("10").lint(List.of(add)).violations())
        .extracting(LintViolation::ruleName, LintViolation::line, LintViolation::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("adding-field-with-default", 2, 63));
  }

  @Test
  void aTargetVersionThatIsNotAVersionIsABadInputNamingTheOption() {
    assertThatThrownBy(() -> MigrationLinter.squawkDefaults().pgVersion("fifteen"))
        .isInstanceOf(dev.invariantharness.HarnessInputException.class)
        .hasMessageContaining("--pg-version").hasMessageContaining("'fifteen' is not a PostgreSQL version");
    assertThatThrownBy(() -> MigrationLinter.squawkDefaults().pgVersion("14."))
        .isInstanceOf(dev.invariantharness.HarnessInputException.class);
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = DeployCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void theCliPrintsSquawksJsonReporterShapeAndExitsAsSquawkDoes() throws Exception {
    Path bad = file("drop.sql", "ALTER TABLE users DROP COLUMN email;\n");
    Path good = file("add.sql", TIMEOUTS + "ALTER TABLE users ADD COLUMN IF NOT EXISTS nickname text;\n");
    String[] r = run("lint-migrations", "--reporter", "json", bad.toString(), good.toString());
    assertThat(r[0]).isEqualTo("1");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json).extracting(v -> v.get("rule_name").asText()).containsExactly("require-lock-timeout",
        "require-statement-timeout", "ban-drop-column", "prefer-robust-stmts");
    assertThat(json.get(2).fieldNames()).toIterable().containsExactly("file", "line", "column", "level", "message", "help",
        "rule_name", "column_end", "line_end");
    assertThat(json.get(2).toString()).isEqualTo("{\"file\":\"" + bad + "\",\"line\":0,\"column\":18,\"level\":\"Warning\","
        + "\"message\":\"Dropping a column may break existing clients.\",\"help\":null,\"rule_name\":\"ban-drop-column\","
        + "\"column_end\":35,\"line_end\":0}");
    assertThat(run("lint-migrations", "--reporter", "json", good.toString())).containsExactly("0", "[]\n", "");
    assertThat(run("lint-migrations", "--exclude", "ban-drop-column,prefer-robust-stmts", "-e", "require-lock-timeout",
        "--exclude=require-statement-timeout", "--pg-version", "14.0", bad.toString())[0]).isEqualTo("0");
    assertThat(run("lint-migrations", dir.resolve("nope.sql").toString())[2]).contains("Failed to find files");
    String[] badVersion = run("lint-migrations", "--pg-version", "abc", good.toString());
    assertThat(badVersion[0]).isEqualTo("2");
    assertThat(badVersion[2]).contains("invalid value 'abc' for '--pg-version <PG_VERSION>'");
  }

  @Test
  void theCliReadsTheOverlapWindowFromTheDeployDescriptor() throws Exception {
    Path bad = file("drop.sql", "ALTER TABLE users DROP COLUMN email;\n");
    String image = "r/x@sha256:" + "a".repeat(64);
    Path deploy = Files.writeString(dir.resolve("deploy.json"), "{\"service\":{\"name\":\"runtime\",\"image\":\"" + image
        + "\"},\"migrate_job\":{\"name\":\"m\",\"image\":\"" + image + "\"},\"overlap_window\":{\"open\":true}}");
    String[] r = run("lint-migrations", "--deploy-descriptor", deploy.toString(), bad.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).contains("INV-09 ").contains("ban-drop-column while a mixed-version window is open");
  }
}
