package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.STABLE;

import java.time.LocalDate;
import org.apiguardian.api.API;

/**
 * An owner-approved mitigation from {@code invariant-mitigations.yaml}: it turns a failed check
 * of a mitigable invariant (INV-07, INV-08) into a warning until it expires.
 *
 * <pre>{@code
 * mitigations:
 *   - invariant: INV-07
 *     check: KhalaReplay.resumeRedeliversExactly
 *     owner: "@runtime-oncall"
 *     followUp: https://tracker.example/OA-RUST-143
 *     reason: resume off-by-one on the compatibility lane; fix in flight
 *     expires: 2026-12-31
 * }</pre>
 *
 * @param invariant the mitigated invariant id
 * @param check the check id the mitigation covers
 * @param owner who approved it
 * @param followUp link to the follow-up issue
 * @param reason why the failure is acceptable for now
 * @param expires last day the mitigation holds (inclusive)
 */
@API(status = STABLE, since = "0.1")
public record Mitigation(
    String invariant,
    String check,
    String owner,
    String followUp,
    String reason,
    LocalDate expires) {}
