/**
 * Runtime cutover checks: write modes shared by the capabilities in {@code freeze}, {@code smoke} and {@code parity}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
