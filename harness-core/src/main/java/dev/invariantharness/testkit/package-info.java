/**
 * Running invariant suites inside a test ({@link dev.invariantharness.testkit.GateRun}) to prove a gate can fail.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.testkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
