/**
 * Engine glue of the harness: the JUnit extension behind {@code @InvariantTest}, the report
 * listener, the fork-joining report publisher. Internal: users must not import this package; its
 * types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
