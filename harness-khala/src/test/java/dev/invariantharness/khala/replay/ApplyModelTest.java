package dev.invariantharness.khala.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference apply decision. */
class ApplyModelTest {

  @ParameterizedTest(name = "{0}: watermark {1}, seq {2} -> {3}")
  @CsvSource(textBlock = """
      KHALA,  4, 3, DISCARD
      KHALA,  4, 4, DISCARD
      KHALA,  4, 5, APPLY
      KHALA,  4, 9, APPLY
      STRICT, 4, 3, DISCARD
      STRICT, 4, 4, DISCARD
      STRICT, 4, 5, APPLY
      STRICT, 4, 9, RESYNC_REQUIRED
      KHALA,  0, 1, APPLY
      STRICT, 0, 0, DISCARD
      """)
  void gapPolicyDecides(GapPolicy policy, long watermark, long seq, ApplyDecision expected) {
    assertThat(policy.decide(watermark, seq)).isEqualTo(expected);
  }

  @Test
  void appliedFramesMoveTheWatermarkPerTopic() {
    ApplyModel client = ApplyModel.with(GapPolicy.KHALA);

    assertThat(client.offer(new Frame("a", 1))).isEqualTo(ApplyDecision.APPLY);
    assertThat(client.offer(new Frame("b", 5))).isEqualTo(ApplyDecision.APPLY);
    assertThat(client.offer(new Frame("a", 1))).isEqualTo(ApplyDecision.DISCARD);

    assertThat(client.watermarks()).containsOnly(
        entry("a", 1L), entry("b", 5L));
  }

  @Test
  void strictClientDoesNotMoveItsWatermarkOverAGap() {
    ApplyModel client = ApplyModel.with(GapPolicy.STRICT);
    client.offer(new Frame("a", 1));

    assertThat(client.offer(new Frame("a", 3))).isEqualTo(ApplyDecision.RESYNC_REQUIRED);
    assertThat(client.watermark("a")).isEqualTo(1);
    assertThat(client.decide(new Frame("a", 2))).isEqualTo(ApplyDecision.APPLY);
  }

  @Test
  void resetMovesTheWatermarkAnywhere() {
    ApplyModel client = ApplyModel.with(GapPolicy.KHALA);
    client.offer(new Frame("a", 7));

    client.reset(new Watermark("a", 2));

    assertThat(client.watermark("a")).isEqualTo(2);
    assertThat(client.offer(new Frame("a", 3))).isEqualTo(ApplyDecision.APPLY);
  }

  @Test
  void gapPolicyIsNamedInConfiguration() {
    assertThat(GapPolicy.of(" Strict ")).isEqualTo(GapPolicy.STRICT);
    assertThat(GapPolicy.of("khala")).isEqualTo(GapPolicy.KHALA);
    assertThatThrownBy(() -> GapPolicy.of("lenient"))
        .hasMessage("unknown gap policy 'lenient'; expected one of: khala, strict");
  }

  @Test
  void framesAndWatermarksRejectNegativeNumbers() {
    assertThatThrownBy(() -> new Frame("a", -1)).hasMessage("seq must be >= 0, was -1 on topic a");
    assertThatThrownBy(() -> new Watermark("a", -2))
        .hasMessage("watermark must be >= 0, was -2 on topic a");
    assertThatThrownBy(() -> new ReplayEvent(EventKind.CONNECT, "a", 0))
        .hasMessage("connect carries no topic and no number");
  }
}
