package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.catalogue.EscalationClass;
import org.apiguardian.api.API;

/**
 * One reason the gate said NO-GO: a check, the invariant it guards, the escalation that applies
 * and what went wrong, in a reviewer's words.
 *
 * @param checkId the check, or a file name for configuration-level blockers
 * @param invariant the invariant id, or empty for unmapped tests
 * @param escalation the escalation class that applied
 * @param scope what this blocker blocks
 * @param reason the reviewer's note
 */
@API(status = STABLE, since = "0.1")
public record Blocker(
    String checkId, String invariant, EscalationClass escalation, BlockedScope scope, String reason) {}
