package com.example;

import dev.invariantharness.InvariantTest;
import dev.invariantharness.NotApplicable;
import dev.invariantharness.Verifies;
import dev.invariantharness.scan.RepositoryChecks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

@InvariantTest(lane = "repository")
@NotApplicable(value = "INV-01", reason = "no .proto contracts in this service")
@NotApplicable(value = "INV-02", reason = "authority mutations are checked by the control team's suite")
@NotApplicable(value = "INV-04", reason = "no database in this service")
@NotApplicable(value = "INV-05", reason = "no database in this service")
@NotApplicable(value = "INV-06", reason = "this service does not consume Khala")
@NotApplicable(value = "INV-07", reason = "this service does not consume Khala")
@NotApplicable(value = "INV-08", reason = "deployed with the control service's smoke lane")
@NotApplicable(value = "INV-09", reason = "no migrations in this service")
@NotApplicable(value = "INV-10", reason = "no legacy counterpart")
@NotApplicable(value = "INV-11", reason = "no iOS client in this service")
class RepositoryGatesTest {

  @Test @Verifies("INV-12")
  void noWorkflowAutomation() {
    RepositoryChecks.assertNoWorkflowAutomation(Path.of("."));
  }

  @Test @Verifies("INV-03")
  void noSseOrPollingLanes() {
    RepositoryChecks.assertNoSseOrPollingLanes(Path.of("src"));
  }
}
