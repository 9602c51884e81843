/** Implementation of the cross-surface harness; not API. */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.surface.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
