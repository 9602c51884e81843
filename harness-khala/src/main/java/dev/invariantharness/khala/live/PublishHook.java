package dev.invariantharness.khala.live;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Map;
import org.apiguardian.api.API;

/**
 * Causes publishes while a delivery check listens, so the check covers frames published during
 * it, not only the replay: an HTTP call to the runtime that appends run events, a function that
 * writes to the service's store, or {@code FakeSyncServer.publisher(...)}.
 *
 * <pre>{@code
 * live.assertEveryFrameArrivesAtLeastOnce(List.of("run:1:events"), () -> {
 *   HttpResponse<String> r = http.send(appendEvents(runId, 20), ofString());
 *   return Map.of("run:1:events", new ObjectMapper().readTree(r.body()).path("last_seq").asLong());
 * });
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface PublishHook {

  /**
   * Publishes, and says what it knows of the heads afterwards.
   *
   * @return topic to the head (highest seq) after publishing, for the topics it knows; an empty
   *     map when it cannot tell (the check then learns heads from the peer's heartbeats and
   *     {@code head_watermarks}, and covers what they announce)
   * @throws Exception when publishing failed: a harness input problem, reported as such
   */
  Map<String, Long> publish() throws Exception;
}
