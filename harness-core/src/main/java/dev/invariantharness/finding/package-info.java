/**
 * Findings as data: what a check observed ({@link dev.invariantharness.finding.Finding}), collected softly per invariant ({@link dev.invariantharness.finding.Findings}) or across invariants ({@link dev.invariantharness.finding.SoftFindings}), thrown as one {@link dev.invariantharness.finding.InvariantViolation} that the gate reads.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.finding;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
