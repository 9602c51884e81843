/**
 * Live Khala checks over a real WebSocket (Tyrus client): the {@link dev.invariantharness.khala.live.LiveSync}
 * fixture for {@code @InvariantTest} suites (INV-07 delivery and resume, INV-03 WS-only, INV-02 and
 * INV-06 no mutation over WS), the {@link dev.invariantharness.khala.live.KhalaConnection} it is
 * built on, AssertJ-style {@link dev.invariantharness.khala.KhalaAssertions}, and a reference
 * {@link dev.invariantharness.khala.live.ApplyingClient}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.khala.live;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
