package dev.invariantharness.khala.live;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * Tells the head (highest seq) of a topic when the protocol does not: the internal lane's socket
 * announces no head, so a lane check learns it from the channel's subscribe reply, from this
 * source, or — only when configured — from the internal poll endpoint.
 *
 * <pre>{@code
 * LiveSync live = khala.withHeadSource(topic -> OptionalLong.of(runtime.lastSeq(topic)));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface HeadSource {

  /** The head of {@code topic}, or empty when this source does not know it. */
  OptionalLong head(String topic) throws Exception;
}
