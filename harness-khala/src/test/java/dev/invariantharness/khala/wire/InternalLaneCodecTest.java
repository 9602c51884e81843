package dev.invariantharness.khala.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InternalLaneCodecTest {

  private final SyncCodec codec = SyncCodec.internalLane();

  @Test
  void helloIsDecoded() {
    assertThat(codec.decode("{\"type\":\"hello\",\"topic\":\"a\",\"after_seq\":3,\"limit\":100,\"recommended_reconnect_backoff_ms\":250}"))
        .containsExactly(new SyncEvent.Hello("a", 3, 100, WireForm.LANE_HELLO));
  }

  @Test
  void messageIsAFrameAtItsSequence() {
    assertThat(codec.decode("{\"type\":\"message\",\"message\":{\"topic\":\"a\",\"sequence\":4,\"kind\":\"run.event\","
        + "\"payload\":{\"k\":1},\"published_at\":\"2026-01-01T00:00:00Z\"}}"))
        .containsExactly(new SyncEvent.Frame("a", 4, "run.event", "{\"k\":1}", WireForm.LANE_MESSAGE));
  }

  @Test
  void staleCursorIsReadFromDetailsOrTopLevel() {
    StaleTopic expected = new StaleTopic("a", "retention_floor_breach", 1, 5, 9);
    assertThat(codec.decode("{\"type\":\"stale_cursor\",\"details\":{\"topic\":\"a\",\"requested_cursor\":1,\"oldest_available_cursor\":5,"
        + "\"head_cursor\":9,\"reason_codes\":[\"retention_floor_breach\"],\"recovery\":\"reset_local_watermark_and_replay_bootstrap\"}}"))
        .singleElement().isInstanceOfSatisfying(SyncEvent.StaleCursor.class, s -> assertThat(s.topics()).containsExactly(expected));
    assertThat(codec.decode("{\"type\":\"stale_cursor\",\"topic\":\"a\",\"requested_cursor\":1,\"oldest_available_cursor\":5,\"head_cursor\":9}"))
        .singleElement().isInstanceOfSatisfying(SyncEvent.StaleCursor.class, s -> assertThat(s.topics()).containsExactly(expected));
  }

  @Test
  void everyEncodedFrameDecodesBack() {
    List<SyncEvent> events = List.of(new SyncEvent.Hello("a", 0, 50, WireForm.LANE_HELLO),
        new SyncEvent.Frame("a", 1, "update", "{\"v\":1}", WireForm.LANE_MESSAGE),
        new SyncEvent.Error("slow_consumer_evicted", "too slow", WireForm.LANE_ERROR));
    for (SyncEvent e : events) {
      assertThat(codec.decode(codec.encode(e))).containsExactly(e);
    }
  }

  @Test
  void unknownTypeIsRejectedByName() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"gossip\"}"))
        .isInstanceOf(SyncCodecException.class)
        .hasMessageStartingWith("Khala internal lane message '{\"type\":\"gossip\"}'")
        .hasMessageContaining("unknown frame type 'gossip'");
  }

  @Test
  void aMessageWithoutSequenceIsRejected() {
    assertThatThrownBy(() -> codec.decode("{\"type\":\"message\",\"message\":{\"topic\":\"a\"}}"))
        .hasMessageContaining("field 'sequence' is missing or not an integer");
  }

  @Test
  void theLaneHasNoClientMessages() {
    assertThatThrownBy(() -> codec.decodeClient("{}")).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("after_seq");
  }
}
