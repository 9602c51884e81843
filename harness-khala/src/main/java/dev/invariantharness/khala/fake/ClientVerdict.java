package dev.invariantharness.khala.fake;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.List;

/**
 * Whether a client's applied state equals the reference model's: every frame of each topic
 * applied exactly once, in seq order, up to the head (after a stale cursor, from the retention
 * floor on). Failures name INV-07 and the fault schedule to replay.
 *
 * <pre>{@code
 * server.verdict(client.applied()).assertCorrect();
 * }</pre>
 *
 * @param schedule the fault schedule the server ran
 * @param findings what differed from the reference model; empty when the client is correct
 */
public record ClientVerdict(FaultSchedule schedule, List<Finding> findings) {

  /** The rule, as the failure message states it. */
  public static final String RULE = "a client applies every frame of each topic exactly once, in (topic, seq) order";

  /** Whether the client's applied state equals the reference model's. */
  public boolean passed() {
    return findings.isEmpty();
  }

  /** Throws an {@link InvariantViolation} of INV-07 naming the schedule ({@code FaultSchedule.seed(…)}) unless passed. */
  public void assertCorrect() {
    if (!passed()) {
      throw new InvariantViolation("INV-07", RULE + " (replay with " + schedule + ")", findings);
    }
  }
}
