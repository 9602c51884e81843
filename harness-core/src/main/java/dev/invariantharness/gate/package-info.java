/**
 * The go/no-go decision: check results judged against the catalogue, mitigations, mode and the gate asked for ({@link dev.invariantharness.gate.GateInputs} assembles them; {@link dev.invariantharness.gate.GatePolicy} decides).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
