package dev.invariantharness.examples.gates;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.examples.ReferenceRepository;
import dev.invariantharness.examples.ReferenceStack;
import dev.invariantharness.scan.RepositoryChecks;
import org.junit.jupiter.api.Test;

/**
 * The repository gates of the reference service: no GitHub workflow automation (INV-12) and no
 * SSE, EventSource or polling outside the allowlisted presentation adapters (INV-03, ADR-0008).
 */
@InvariantTest(lane = "repository")
class RepositoryGates {

  @Test
  @Verifies("INV-12")
  void noWorkflowAutomationInTheRepository(ReferenceStack stack) {
    RepositoryChecks.assertNoWorkflowAutomation(stack.repository());
  }

  @Test
  @Verifies(value = "INV-03", check = "repository-no-sse-or-polling")
  void noSseOrPollingOutsidePresentationAdapters(ReferenceStack stack) {
    RepositoryChecks.assertNoSseOrPollingLanes(stack.repository(), ReferenceRepository.PRESENTATION_ADAPTERS);
  }
}
