package dev.invariantharness.deploy.backfill;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.deploy.backfill.internal.Hashing;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * The mixed-version deploy safety harness run, in the seed's output format: a timestamped
 * directory with {@code checks.jsonl} ({@code {check_id, description, command, status, reason,
 * started_at, ended_at, log_path}} per line), {@code summary.json} ({@code {schema, generated_at,
 * totals:{check_count, passed, failed}, overall_status, checks, artifacts}}), {@code SUMMARY.md}
 * ({@code | Check | Status | Description | Log |}) and one log per check; optionally signed.
 *
 * <pre>{@code
 * HarnessRun.Result r = HarnessRun.of(manifestFile, root)
 *     .baseline(CountBaseline.defaults())
 *     .signWith(privateKey)
 *     .writeInto(Path.of("storage/app/mixed-version-deploy-safety"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HarnessRun {

  /** The summary's schema id. */
  public static final String SCHEMA = "openagents.mixed_version_deploy_safety.v1";

  /**
   * One check's row.
   *
   * @param checkId stable id
   * @param description what it proves
   * @param command how to rerun it
   * @param passed whether it passed
   * @param reason why it failed, or {@code ok}
   * @param findings its findings
   */
  public record Check(String checkId, String description, String command, boolean passed, String reason,
      List<Finding> findings) {}

  /**
   * What a run wrote.
   *
   * @param directory the run's directory
   * @param checks every check
   */
  public record Result(Path directory, List<Check> checks) {
    /** Whether every check passed. */
    public boolean passed() {
      return checks.stream().allMatch(Check::passed);
    }
  }

  private final Path manifestFile;
  private final Path root;
  private CountBaseline baseline = CountBaseline.defaults();
  private PrivateKey key;
  private Path runbook;
  private HashProgress progress = HashProgress.SILENT;

  private HarnessRun(Path manifestFile, Path root) {
    this.manifestFile = manifestFile;
    this.root = root;
  }

  /** A run over {@code manifestFile} whose relative store paths resolve against {@code root}. */
  public static HarnessRun of(Path manifestFile, Path root) {
    return new HarnessRun(manifestFile, root);
  }

  /** The count baseline (default: the seed's count keys). Returns {@code this}. */
  public HarnessRun baseline(CountBaseline baseline) {
    this.baseline = baseline;
    return this;
  }

  /** Signs {@code summary.json} with {@code key}. Returns {@code this}. */
  public HarnessRun signWith(PrivateKey key) {
    this.key = key;
    return this;
  }

  /** Also checks that the operational runbook is present. Returns {@code this}. */
  public HarnessRun runbook(Path runbook) {
    this.runbook = runbook;
    return this;
  }

  /** Reports hashing progress. Returns {@code this}. */
  public HarnessRun withProgress(HashProgress progress) {
    this.progress = progress;
    return this;
  }

  /** Runs every check and writes the artifacts into a new timestamped directory under {@code outputRoot}. */
  public Result writeInto(Path outputRoot) {
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    Path dir = outputRoot.resolve(stamp);
    for (int i = 1; Files.exists(dir); i++) {
      dir = outputRoot.resolve(stamp + "-" + i);
    }
    try {
      Files.createDirectories(dir.resolve("logs"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Check> checks = new ArrayList<>();
    List<ObjectNode> rows = new ArrayList<>();
    ObjectMapper json = Json.mapper();
    BackfillManifest[] manifest = new BackfillManifest[1];
    Findings[] verification = new Findings[1];
    String m = manifestFile.toString();
    run(dir, checks, rows, json, "manifest_structure", "manifest has every required field, well-formed",
        "harness-deploy verify " + m, () -> {
          Findings f = Findings.of("INV-09", "backfill manifest is well-formed");
          try {
            manifest[0] = BackfillManifest.read(manifestFile);
          } catch (HarnessInputException e) {
            f.add(m, e.getMessage());
          }
          return f;
        });
    if (manifest[0] != null) {
      verification[0] = ManifestVerifier.against(baseline).withProgress(progress).verify(manifest[0], root);
    }
    run(dir, checks, rows, json, "manifest_checksums", "every store's after_sha256 is deterministic and matches the store",
        "harness-deploy verify " + m, () -> subset(verification[0], "store-", "after-hash"));
    run(dir, checks, rows, json, "manifest_counts", "expected count keys present and consistent with the baseline",
        "harness-deploy verify " + m, () -> subset(verification[0], "count-"));
    run(dir, checks, rows, json, "rollback_hash_restoration", "restoring each backup returns the store to before_sha256",
        "harness-deploy rollback-drill " + m, () -> {
          if (manifest[0] == null) {
            return null;
          }
          Path scratch;
          try {
            scratch = Files.createTempDirectory("ih-rollback-drill");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return RollbackDrill.into(scratch).withProgress(progress).run(manifest[0], root);
        });
    if (runbook != null) {
      run(dir, checks, rows, json, "runbook_present", "the operational runbook is present", "test -s " + runbook, () -> {
        Findings f = Findings.of("INV-10", "runbook present");
        try {
          if (!Files.isRegularFile(runbook) || Files.size(runbook) == 0) {
            f.add(runbook.toString(), "runbook-missing: " + runbook + " is absent or empty");
          }
        } catch (IOException e) {
          f.add(runbook.toString(), "runbook-missing: " + e.getMessage());
        }
        return f;
      });
    }
    try {
      StringBuilder jsonl = new StringBuilder();
      for (ObjectNode r : rows) {
        jsonl.append(json.writeValueAsString(r)).append('\n');
      }
      Files.writeString(dir.resolve("checks.jsonl"), jsonl.toString());
      long passed = checks.stream().filter(Check::passed).count();
      StringBuilder md = new StringBuilder("# Mixed-version deploy safety harness\n\n")
          .append("- Generated: ").append(Instant.now()).append('\n')
          .append("- Manifest: `").append(m).append("`\n")
          .append("- Overall: **").append(passed == checks.size() ? "passed" : "failed").append("**\n")
          .append("- Checks: ").append(checks.size()).append(", passed ").append(passed).append(", failed ")
          .append(checks.size() - passed).append("\n\n| Check | Status | Description | Log |\n| --- | --- | --- | --- |\n");
      for (ObjectNode r : rows) {
        md.append("| ").append(cell(r.get("check_id").asText())).append(" | ").append(r.get("status").asText())
            .append(" | ").append(cell(r.get("description").asText())).append(" | ").append(cell(r.get("log_path").asText()))
            .append(" |\n");
      }
      Files.writeString(dir.resolve("SUMMARY.md"), md.toString());
      ObjectNode summary = json.createObjectNode();
      summary.put("schema", SCHEMA);
      summary.put("generated_at", Instant.now().toString());
      ObjectNode totals = summary.putObject("totals");
      totals.put("check_count", checks.size());
      totals.put("passed", passed);
      totals.put("failed", checks.size() - passed);
      summary.put("overall_status", passed == checks.size() ? "passed" : "failed");
      ArrayNode arr = summary.putArray("checks");
      rows.forEach(arr::add);
      ArrayNode artifacts = summary.putArray("artifacts");
      Map<String, Path> listed = new LinkedHashMap<>();
      listed.put("checks.jsonl", dir.resolve("checks.jsonl"));
      listed.put("SUMMARY.md", dir.resolve("SUMMARY.md"));
      try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
        logs.sorted().forEach(p -> listed.put("logs/" + p.getFileName(), p));
      }
      if (Files.isRegularFile(manifestFile)) {
        Path copy = dir.resolve("manifest.json");
        Files.copy(manifestFile, copy);
        listed.put("manifest.json", copy);
      }
      for (Map.Entry<String, Path> e : listed.entrySet()) {
        ObjectNode a = artifacts.addObject();
        a.put("path", e.getKey());
        a.put("sha256", Hashing.sha256(e.getValue(), HashProgress.SILENT));
      }
      Files.writeString(dir.resolve("summary.json"),
          json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (key != null) {
      SignedEvidence.sign(dir, key);
    }
    return new Result(dir, List.copyOf(checks));
  }

  private static Findings subset(Findings all, String... prefixes) {
    if (all == null) {
      return null;
    }
    Findings f = Findings.of("INV-09", "backfill manifest matches the stores and the count baseline");
    for (Finding x : all.list()) {
      for (String p : prefixes) {
        if (x.message().startsWith(p)) {
          f.add(x.location(), x.message());
          break;
        }
      }
    }
    return f;
  }

  private static void run(Path dir, List<Check> checks, List<ObjectNode> rows, ObjectMapper json, String id,
      String description, String command, Supplier<Findings> body) {
    Instant started = Instant.now();
    Findings f;
    String reason;
    try {
      f = body.get();
      reason = f == null ? "not run: the manifest could not be read" : f.isEmpty() ? "ok"
          : f.list().size() + " finding(s): " + f.list().get(0).message();
    } catch (RuntimeException e) {
      f = null;
      reason = "error: " + e.getMessage();
    }
    boolean passed = f != null && f.isEmpty();
    List<Finding> list = f == null ? List.of() : f.list();
    String logPath = "logs/" + id + ".log";
    StringBuilder log = new StringBuilder(id + ": " + (passed ? "pass" : "fail") + " — " + reason + "\n");
    list.forEach(x -> log.append(x.invariant()).append(' ').append(x.location()).append(": ").append(x.message()).append('\n'));
    try {
      Files.writeString(dir.resolve(logPath), log.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode row = json.createObjectNode();
    row.put("check_id", id);
    row.put("description", description);
    row.put("command", command);
    row.put("status", passed ? "pass" : "fail");
    row.put("reason", reason);
    row.put("started_at", started.toString());
    row.put("ended_at", Instant.now().toString());
    row.put("log_path", logPath);
    rows.add(row);
    checks.add(new Check(id, description, command, passed, reason, list));
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
