/**
 * The WebSocket surface: answers that arrive as Khala frames over a real Tyrus connection,
 * decoded with harness-khala's codecs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
