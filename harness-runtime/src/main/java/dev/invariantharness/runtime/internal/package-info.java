/**
 * Implementation shared by the harness-runtime packages (the shared bounded HTTP probers). Internal:
 * users must not import this package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
