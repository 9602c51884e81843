/** Implementation of {@code dev.invariantharness.report}. Internal: users must not import this package. */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
