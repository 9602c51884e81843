/**
 * The annotations a test author writes — {@link dev.invariantharness.InvariantTest},
 * {@link dev.invariantharness.Verifies}, {@link dev.invariantharness.NotApplicable} — and the
 * error every module raises for bad input, {@link dev.invariantharness.HarnessInputException}.
 * Everything in this package is stable.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
