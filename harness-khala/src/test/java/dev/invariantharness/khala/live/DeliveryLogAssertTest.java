package dev.invariantharness.khala.live;

import static dev.invariantharness.khala.KhalaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameLogAssertTest {

  @Test
  void theSameDataInBothChannelFormsIsNotADuplicate() {
    DeliveryLog log = log(Map.of(), Map.of("a", 3L),
        frame("a", 1, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 1, WireForm.CHANNEL_FRAME),
        frame("a", 2, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 2, WireForm.CHANNEL_FRAME),
        frame("a", 3, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 3, WireForm.CHANNEL_FRAME));
    assertThatCode(() -> assertThat(log).isOrderedPerTopic().reachedTheAnnouncedHeads()).doesNotThrowAnyException();
  }

  @Test
  void topicsAreOrderedIndependently() {
    DeliveryLog log = log(Map.of(), Map.of(), frame("a", 1, WireForm.CHANNEL_FRAME), frame("b", 7, WireForm.CHANNEL_FRAME),
        frame("a", 2, WireForm.CHANNEL_FRAME), frame("b", 8, WireForm.CHANNEL_FRAME));
    assertThatCode(() -> assertThat(log).isOrderedPerTopic()).doesNotThrowAnyException();
  }

  @Test
  void everyOffendingFrameIsListedNotOnlyTheFirst() {
    DeliveryLog log = log(Map.of(), Map.of(), frame("a", 1, WireForm.CHANNEL_FRAME), frame("a", 1, WireForm.CHANNEL_FRAME),
        frame("a", 4, WireForm.CHANNEL_FRAME), frame("a", 3, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).isOrderedPerTopic())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> org.assertj.core.api.Assertions.assertThat(v.findings()).hasSize(3))
        .hasMessageContaining("peer frame #2 (a seq 1): duplicate of seq 1")
        .hasMessageContaining("peer frame #3 (a seq 4): gap: seq 4 follows 1, missing 2..3")
        .hasMessageContaining("peer frame #4 (a seq 3): seq went back from 4 to 3");
  }

  @Test
  void theFirstFrameAfterAResumeMustFollowTheWatermark() {
    DeliveryLog log = log(Map.of("a", 5L), Map.of("a", 8L), frame("a", 7, WireForm.CHANNEL_FRAME), frame("a", 8, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).isOrderedPerTopic())
        .hasMessageContaining("first frame after resuming at 5 has seq 7, expected 6");
  }

  @Test
  void stoppingShortOfTheAnnouncedHeadIsASilentHole() {
    DeliveryLog log = log(Map.of(), Map.of("a", 5L), frame("a", 1, WireForm.CHANNEL_FRAME), frame("a", 2, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).reachedTheAnnouncedHeads())
        .hasMessageStartingWith("INV-07 violated").hasMessageContaining("a: delivered up to 2 but the peer announced head 5");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void theCompatibilityUpdateBatchFormPassesTheLiveChecks() {
    try (FakeSyncServer khala = FakeSyncServer.builder().topic("a", 40).updateBatchForm(true).start();
        LiveSync live = LiveSync.of(khala.baseUri(), Optional.empty(), ConnectionOptions.channel(Duration.ofSeconds(3)))) {
      DeliveryLog log = live.subscribe(List.of("a"), Map.of());
      org.assertj.core.api.Assertions.assertThat(log.frames()).hasSize(40).allSatisfy(f ->
          org.assertj.core.api.Assertions.assertThat(f.form()).isEqualTo(WireForm.CHANNEL_UPDATE_BATCH));
      assertThatCode(() -> live.assertResumeRedeliversExactlyTheFramesAfter("a", 10)).doesNotThrowAnyException();
    }
  }

  private static SyncEvent.Frame frame(String topic, long seq, WireForm form) {
    return new SyncEvent.Frame(topic, seq, "k", "{}", form);
  }

  private static DeliveryLog log(Map<String, Long> resume, Map<String, Long> heads, SyncEvent.Frame... frames) {
    List<String> topics = new ArrayList<>();
    for (SyncEvent.Frame f : frames) {
      if (!topics.contains(f.topic())) {
        topics.add(f.topic());
      }
    }
    return new DeliveryLog("peer", topics, resume, List.of(frames), heads, Optional.empty(), Optional.empty());
  }
}
