/**
 * The INV-07 replay checker's engine: per-topic state in a table, bounded hole tracking, the
 * recent-event ring used for context, the capped violation sink and the streaming JSON-lines
 * reader. Internal: users must not import this package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.khala.replay.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
