/**
 * The harness's settings ({@link dev.invariantharness.config.HarnessConfiguration}) and the services under test ({@link dev.invariantharness.config.Target}), from JUnit configuration parameters, system properties and environment variables.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.config;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
