package dev.invariantharness.khala.live;

import static dev.invariantharness.khala.KhalaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Delivery assertions on captured logs, judged by the one INV-07 engine. */
class DeliveryLogAssertTest {

  @Test
  void theSameUpdateInBothChannelFormsIsOneDelivery() {
    DeliveryLog log = log(Map.of(), Map.of("a", 3L),
        frame("a", 1, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 1, WireForm.CHANNEL_FRAME),
        frame("a", 2, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 2, WireForm.CHANNEL_FRAME),
        frame("a", 3, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 3, WireForm.CHANNEL_FRAME));
    assertThatCode(() -> assertThat(log).deliveredEveryFrameUpToTheHeads()).doesNotThrowAnyException();
  }

  @Test
  void duplicatesAndCrossNodeReorderingAreAtLeastOnceDelivery() {
    DeliveryLog log = log(Map.of(), Map.of("a", 4L, "b", 8L), frame("a", 1, WireForm.CHANNEL_FRAME), frame("b", 7, WireForm.CHANNEL_FRAME),
        frame("a", 3, WireForm.CHANNEL_FRAME), frame("a", 2, WireForm.CHANNEL_FRAME), frame("a", 3, WireForm.CHANNEL_FRAME),
        frame("b", 8, WireForm.CHANNEL_FRAME), frame("a", 4, WireForm.CHANNEL_FRAME));
    assertThatCode(() -> assertThat(log).deliveredEveryFrameUpToTheHeads()).doesNotThrowAnyException();
  }

  @Test
  void aSeqThatNeverArrivesIsASilentHoleNamingIt() {
    DeliveryLog log = log(Map.of(), Map.of("a", 6L), frame("a", 1, WireForm.CHANNEL_FRAME), frame("a", 2, WireForm.CHANNEL_FRAME),
        frame("a", 2, WireForm.CHANNEL_FRAME), frame("a", 5, WireForm.CHANNEL_FRAME), frame("a", 6, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).deliveredEveryFrameUpToTheHeads()).isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-07 violated").hasMessageContaining(DeliveryLogAssert.DELIVERY_RULE)
        .hasMessageContaining("frame never delivered: delivery from seq 1").hasMessageContaining("2 seq(s) never arrived: seqs 3..4")
        .hasMessageContaining("1 duplicate(s)");
  }

  @Test
  void theTailUpToTheAnnouncedHeadIsOwed() {
    DeliveryLog log = log(Map.of(), Map.of("a", 5L), frame("a", 1, WireForm.CHANNEL_FRAME), frame("a", 2, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).deliveredEveryFrameUpToTheHeads())
        .hasMessageContaining("3 seq(s) never arrived: seqs 3..5 (the tail up to the head)");
  }

  @Test
  void aResumeCountsDistinctDeliveriesAndStillFlagsTheWatermarkAndASkip() {
    DeliveryLog bothForms = log(Map.of("a", 5L), Map.of("a", 7L), frame("a", 6, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 6, WireForm.CHANNEL_FRAME),
        frame("a", 7, WireForm.CHANNEL_UPDATE_BATCH), frame("a", 7, WireForm.CHANNEL_FRAME));
    assertThatCode(() -> assertThat(bothForms).containsExactlyTheFramesAfter("a", 5)).doesNotThrowAnyException();

    DeliveryLog repeat = log(Map.of("a", 5L), Map.of("a", 7L), frame("a", 5, WireForm.CHANNEL_FRAME), frame("a", 6, WireForm.CHANNEL_FRAME),
        frame("a", 7, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(repeat).containsExactlyTheFramesAfter("a", 5))
        .hasMessageContaining("re-sent seq 5 although the client resumed after 5");

    DeliveryLog skip = log(Map.of("a", 5L), Map.of("a", 7L), frame("a", 7, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(skip).containsExactlyTheFramesAfter("a", 5))
        .hasMessageContaining("resume skipped frames: resumed after 5").hasMessageContaining("seq 6 (skipped at line");
  }

  @Test
  void everyViolationIsListedNotOnlyTheFirst() {
    DeliveryLog log = log(Map.of(), Map.of("a", 4L, "b", 4L), frame("a", 1, WireForm.CHANNEL_FRAME), frame("b", 1, WireForm.CHANNEL_FRAME));
    assertThatThrownBy(() -> assertThat(log).deliveredEveryFrameUpToTheHeads()).isInstanceOfSatisfying(InvariantViolation.class,
        v -> assertThat(v.findings()).extracting(f -> f.location()).containsExactly("a", "b"));
  }

  private static SyncEvent.Frame frame(String topic, long seq, WireForm form) {
    return new SyncEvent.Frame(topic, seq, null, "{}", form);
  }

  private static DeliveryLog log(Map<String, Long> resume, Map<String, Long> heads, SyncEvent.Frame... frames) {
    List<String> topics = List.of(frames).stream().map(SyncEvent.Frame::topic).distinct().toList();
    return new DeliveryLog("ws://peer/sync", topics, resume, List.of(frames), heads, Optional.empty(), Optional.empty());
  }
}
