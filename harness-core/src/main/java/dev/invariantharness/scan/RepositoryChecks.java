package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.InvariantViolation;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Ready-made repository checks for invariants that are stated about files in the repository.
 * Each is an assertion in the JUnit/AssertJ style: it returns quietly when the invariant holds
 * and otherwise throws one {@link InvariantViolation} listing every finding as
 * {@code path:line: text}.
 *
 * <pre>
 * &#64;InvariantTest(lane = "repository")
 * class RepositoryInvariantsTest {
 *   static final Path REPO = Path.of("..").toAbsolutePath().normalize();
 *
 *   &#64;Test &#64;Verifies("INV-12")
 *   void noWorkflowAutomation() {
 *     RepositoryChecks.assertNoWorkflowAutomation(REPO);
 *   }
 *
 *   &#64;Test &#64;Verifies("INV-03")
 *   void noSseOrPollingLanes() {
 *     RepositoryChecks.assertNoSseOrPollingLanes(REPO, "apps/web/src/adapters/vercel-sse");
 *   }
 * }
 * </pre>
 *
 * <p>Both checks fail closed: a path they should have looked at but could not read is a
 * finding too, since "could not look" is not "nothing there".
 */
@API(status = STABLE, since = "0.1")
public final class RepositoryChecks {

  /** INV-12's rule, as the violation message states it. */
  public static final String INV_12_RULE =
      "the repository must not contain GitHub workflow automation (.github/workflows/)";

  /** INV-03's rule, as the violation message states it. */
  public static final String INV_03_RULE =
      "Khala live sync is WS-only: no SSE/EventSource/poll lanes outside the ADR-0008"
          + " presentation adapters";

  private static final String WORKFLOWS = ".github/workflows";

  private RepositoryChecks() {}

  /**
   * Encodes <b>INV-12: No GitHub workflow automation in-repo</b> — "The repository must not
   * contain {@code .github/} workflow automation. Do not add GitHub Actions workflow files under
   * {@code .github/workflows/}. Execute verification/deploy gates via canonical local scripts
   * and runbooks." (invariant gates, v2).
   *
   * <p>Every file under {@code .github/workflows/} that git would track (so {@code .gitignore}
   * is respected) is a finding {@code <path>:1: GitHub workflow file present}; so is a symbolic
   * link there, and a directory there that cannot be read.
   *
   * @param root the repository root
   * @throws InvariantViolation with invariant {@code INV-12} when anything is found
   * @throws dev.invariantharness.HarnessInputException when {@code root} does not exist
   */
  public static void assertNoWorkflowAutomation(Path root) {
    ScanResult scan = RepoScan.of(root).include(WORKFLOWS).walk();
    Findings findings = Findings.of("INV-12", INV_12_RULE);
    for (String file : scan.files()) {
      findings.add(file + ":1", "GitHub workflow file present");
    }
    for (SkippedPath skip : scan.skipped()) {
      if (skip.reason() == SkippedPath.Reason.SYMLINK) {
        findings.add(skip.path() + ":1", "GitHub workflow entry present (symbolic link)");
      } else {
        findings.add(skip.path(), couldNotCheck(skip));
      }
    }
    findings.assertNone();
  }

  /**
   * Encodes <b>INV-03: Khala WS-only live transport</b> — "Khala live subscriptions use
   * WebSocket only. No SSE/poll live authority lanes are allowed." with its bounded exception:
   * "SSE is allowed only as an HTTP presentation adapter over existing codex/Khala authority
   * outputs" (ADR-0008) (invariant gates, v2; v1's gate command is
   * <code>rg -n "SSE|EventSource|poll" apps docs/sync --glob '!*&#42;/node_modules/**'</code>).
   *
   * <p>Searches the whole repository with {@link SseLaneOptions#defaults()}; every matching line
   * outside {@code allowlistedAdapters} is a finding {@code path:line: text}.
   *
   * @param root the repository root
   * @param allowlistedAdapters globs of the presentation adapters ADR-0008 permits
   * @throws InvariantViolation with invariant {@code INV-03} when a lane is found
   * @throws dev.invariantharness.HarnessInputException when {@code root} does not exist
   */
  public static void assertNoSseOrPollingLanes(Path root, String... allowlistedAdapters) {
    assertNoSseOrPollingLanes(root, SseLaneOptions.defaults().allow(allowlistedAdapters));
  }

  /**
   * INV-03 as {@link #assertNoSseOrPollingLanes(Path, String...)}, with the pattern, scope and
   * allowlist taken from {@code options}.
   *
   * <p>Besides matching lines, a text file that was not searched (unreadable, larger than the
   * scan's size cap, or one the pattern failed on) is a finding. Binary files are not searched
   * and are not findings. Allowlisted files are not searched at all.
   */
  public static void assertNoSseOrPollingLanes(Path root, SseLaneOptions options) {
    RepoScan scan = RepoScan.of(root)
        .include(options.include().toArray(String[]::new))
        .exclude(options.exclude().toArray(String[]::new))
        .exclude(options.allowlist().toArray(String[]::new));
    ScanResult result = scan.search(options.pattern());
    Findings findings = Findings.of("INV-03", INV_03_RULE);
    for (ScanHit hit : result.hits()) {
      findings.add(hit.path() + ":" + hit.line(), hit.text());
    }
    for (SkippedPath skip : result.skipped()) {
      switch (skip.reason()) {
        case BINARY, SYMLINK -> { }
        default -> findings.add(skip.path(), couldNotCheck(skip));
      }
    }
    findings.assertNone();
  }

  private static String couldNotCheck(SkippedPath skip) {
    String what = skip.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    String detail = skip.detail().isEmpty() ? "" : " (" + skip.detail() + ")";
    return "not checked: " + what + detail + "; the check cannot vouch for it";
  }
}
