/**
 * Evidence files attached to the running check, redacted before they are written.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
