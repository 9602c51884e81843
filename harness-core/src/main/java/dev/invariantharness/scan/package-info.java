/**
 * Repository scans: INV-12 (no workflow automation) and INV-03 (no SSE or polling lanes) over a checkout, honouring {@code .gitignore}.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.scan;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
