package dev.invariantharness.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryChecksTest {

  @TempDir
  Path repo;

  /** A small clean repository: WS-only sync, scripts instead of workflows. */
  @BeforeEach
  void cleanRepository() throws IOException {
    write("apps/khala/src/subscribe.ts", "const ws = new WebSocket(url);\nws.onmessage = apply;\n");
    write("apps/web/src/adapters/vercel-sse/stream.ts", "// ADR-0008 presentation adapter\nconst es = new EventSource(url);\n");
    write("docs/sync/README.md", "Live sync uses WebSocket only.\n");
    write(".github/CODEOWNERS", "* @team\n");
    write("scripts/verify.sh", "#!/bin/sh\n./mvnw verify\n");
  }

  @Nested
  class NoWorkflowAutomation {

    @Test
    void passesOnARepositoryWithoutWorkflows() {
      assertThatCode(() -> RepositoryChecks.assertNoWorkflowAutomation(repo)).doesNotThrowAnyException();
    }

    @Test
    void failsWithInv12ForEveryWorkflowFile() throws IOException {
      write(".github/workflows/ci.yml", "on: push\n");
      write(".github/workflows/release.yml", "on: tag\n");

      InvariantViolation violation = catchThrowableOfType(
          () -> RepositoryChecks.assertNoWorkflowAutomation(repo), InvariantViolation.class);

      assertThat(violation.invariant()).isEqualTo("INV-12");
      assertThat(violation.findings()).extracting(Finding::toString).containsExactly(
          ".github/workflows/ci.yml:1: GitHub workflow file present",
          ".github/workflows/release.yml:1: GitHub workflow file present");
      assertThat(violation).hasMessageContaining("INV-12 violated: 2 finding(s)")
          .hasMessageContaining("\n  .github/workflows/ci.yml:1: GitHub workflow file present")
          .hasMessageContaining("\n  .github/workflows/release.yml:1: GitHub workflow file present");
    }

    @Test
    void aWorkflowSymlinkIsAFindingToo() throws IOException {
      write("ci/pipeline.yml", "on: push\n");
      Files.createDirectories(repo.resolve(".github/workflows"));
      Files.createSymbolicLink(repo.resolve(".github/workflows/ci.yml"), repo.resolve("ci/pipeline.yml"));

      assertThatThrownBy(() -> RepositoryChecks.assertNoWorkflowAutomation(repo))
          .isInstanceOf(InvariantViolation.class)
          .hasMessageContaining(".github/workflows/ci.yml:1: GitHub workflow entry present (symbolic link)");
    }

    @Test
    void anIgnoredWorkflowFileIsNotInTheRepository() throws IOException {
      write(".gitignore", ".github/workflows/local-*.yml\n");
      write(".github/workflows/local-experiment.yml", "on: push\n");

      assertThatCode(() -> RepositoryChecks.assertNoWorkflowAutomation(repo)).doesNotThrowAnyException();
    }

    @Test
    void workflowsOfANestedProjectAreNotThisRepositorysAutomation() throws IOException {
      write("examples/demo/.github/workflows/ci.yml", "on: push\n");

      assertThatCode(() -> RepositoryChecks.assertNoWorkflowAutomation(repo)).doesNotThrowAnyException();
    }

    @Test
    void aMissingRepositoryIsAnInputError() {
      assertThatThrownBy(() -> RepositoryChecks.assertNoWorkflowAutomation(repo.resolve("nope")))
          .isInstanceOf(HarnessInputException.class).hasMessageContaining("nope");
    }
  }

  @Nested
  class NoSseOrPollingLanes {

    private static final String ADAPTER = "apps/web/src/adapters/vercel-sse/**";

    @Test
    void passesWhenOnlyTheAllowlistedAdapterUsesSse() {
      assertThatCode(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, ADAPTER)).doesNotThrowAnyException();
    }

    @Test
    void failsWithInv03ForAnEventSourceOutsideTheAllowlist() throws IOException {
      write("apps/khala/src/fallback.ts", "import x from 'y';\n\nconst es = new EventSource(url);\n");

      InvariantViolation violation = catchThrowableOfType(
          () -> RepositoryChecks.assertNoSseOrPollingLanes(repo, ADAPTER), InvariantViolation.class);

      assertThat(violation.invariant()).isEqualTo("INV-03");
      assertThat(violation.findings()).extracting(Finding::toString)
          .containsExactly("apps/khala/src/fallback.ts:3: const es = new EventSource(url);");
      assertThat(violation).hasMessageContaining("INV-03 violated: 1 finding(s)")
          .hasMessageContaining("\n  apps/khala/src/fallback.ts:3: const es = new EventSource(url);");
    }

    @Test
    void reportsEveryLaneOfTheDefaultPattern() throws IOException {
      write("apps/web/src/live.ts", "fetch(u, {headers: {Accept: 'text/event-stream'}}); // SSE\n");
      write("docs/sync/fallback.md", "Clients poll every 5 s when the socket drops.\n");
      write("apps/web/src/a.ts", "setInterval(refresh, 1000); // long-polling\n");

      InvariantViolation violation = catchThrowableOfType(
          () -> RepositoryChecks.assertNoSseOrPollingLanes(repo, ADAPTER), InvariantViolation.class);

      assertThat(violation.findings()).extracting(Finding::toString).containsExactly(
          "apps/web/src/a.ts:1: setInterval(refresh, 1000); // long-polling",
          "apps/web/src/live.ts:1: fetch(u, {headers: {Accept: 'text/event-stream'}}); // SSE",
          "docs/sync/fallback.md:1: Clients poll every 5 s when the socket drops.");
    }

    @Test
    void withoutTheAllowlistTheAdapterItselfIsAFinding() {
      InvariantViolation violation = catchThrowableOfType(
          () -> RepositoryChecks.assertNoSseOrPollingLanes(repo), InvariantViolation.class);

      assertThat(violation.findings()).extracting(Finding::toString).containsExactly(
          "apps/web/src/adapters/vercel-sse/stream.ts:2: const es = new EventSource(url);");
    }

    @Test
    void dependenciesUnderNodeModulesAreNotSearched() throws IOException {
      write("apps/web/node_modules/eventsource/index.js", "module.exports = EventSource;\n");

      assertThatCode(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, ADAPTER)).doesNotThrowAnyException();
    }

    @Test
    void scopeAndPatternAreConfigurable() throws IOException {
      write("tools/monitor.py", "poll(sock)\n");
      write("apps/khala/src/retry.ts", "const LONG_POLL = true;\n");
      SseLaneOptions documentScope = SseLaneOptions.defaults().include("apps", "docs/sync").allow(ADAPTER);

      assertThatCode(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, documentScope)).doesNotThrowAnyException();

      SseLaneOptions caseInsensitive = documentScope.pattern(Pattern.compile("sse|eventsource|poll", Pattern.CASE_INSENSITIVE));
      assertThatThrownBy(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, caseInsensitive))
          .isInstanceOf(InvariantViolation.class)
          .hasMessageContaining("apps/khala/src/retry.ts:1: const LONG_POLL = true;")
          .hasMessageNotContaining("tools/monitor.py");
    }

    @Test
    void aMalformedAllowlistGlobIsAnInputErrorNamingIt() {
      assertThatThrownBy(() -> SseLaneOptions.defaults().allow("/apps/web/sse/**"))
          .isInstanceOf(HarnessInputException.class)
          .hasMessageContaining("allowlist glob '/apps/web/sse/**'");
    }

    @Test
    void aTextFileTooLargeToSearchFailsClosed() throws IOException {
      write("apps/khala/src/huge.ts", "x".repeat(5000) + "\n");
      SseLaneOptions options = SseLaneOptions.defaults().allow(ADAPTER);

      assertThatCode(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, options)).doesNotThrowAnyException();
      Files.writeString(repo.resolve("apps/khala/src/huge.ts"), "x".repeat(9 * 1024 * 1024));
      assertThatThrownBy(() -> RepositoryChecks.assertNoSseOrPollingLanes(repo, options))
          .isInstanceOf(InvariantViolation.class)
          .hasMessageContaining("apps/khala/src/huge.ts: not checked: too large");
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }
}
