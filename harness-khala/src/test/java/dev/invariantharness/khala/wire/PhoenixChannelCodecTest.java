package dev.invariantharness.khala.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoenixChannelCodecTest {

  private final SyncCodec codec = SyncCodec.phoenixChannel();

  @Test
  void joinReplyIsDecodedWithItsRefAndWatermarks() {
    List<SyncEvent> events = codec.decode("[\"1\",\"1\",\"sync:v1\",\"phx_reply\",{\"status\":\"ok\",\"response\":"
        + "{\"subscription_id\":\"s1\",\"allowed_topics\":[\"a\"],\"current_watermarks\":[{\"topic\":\"a\",\"watermark\":7}]}}]");
    assertThat(events).singleElement().isInstanceOfSatisfying(SyncEvent.Reply.class, r -> {
      assertThat(r.ref()).isEqualTo("1");
      assertThat(r.ok()).isTrue();
      assertThat(r.currentWatermarks()).containsExactly(Map.entry("a", 7L));
      assertThat(r.form()).isEqualTo(WireForm.CHANNEL_REPLY);
    });
  }

  @Test
  void subscribeWithResumeAfterAsMapIsDecodedAndNamesTheMapForm() {
    ClientCommand c = codec.decodeClient("[\"1\",\"2\",\"sync:v1\",\"sync:subscribe\",{\"topics\":[\"a\",\"b\"],"
        + "\"resume_after\":{\"a\":3},\"replay_batch_size\":200}]");
    assertThat(c).isInstanceOfSatisfying(ClientCommand.Subscribe.class, s -> {
      assertThat(s.topics()).containsExactly("a", "b");
      assertThat(s.resumeAfter()).containsExactly(Map.entry("a", 3L));
      assertThat(s.replayBatchSize()).isEqualTo(200);
      assertThat(s.form()).isEqualTo(WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP);
    });
  }

  @Test
  void subscribeWithResumeAfterAsListIsDecodedAndNamesTheListForm() {
    ClientCommand c = codec.decodeClient("[\"1\",\"2\",\"sync:v1\",\"sync:subscribe\",{\"topics\":[\"a\"],"
        + "\"resume_after\":[{\"topic\":\"a\",\"watermark\":9}]}]");
    assertThat(c).isInstanceOfSatisfying(ClientCommand.Subscribe.class, s -> {
      assertThat(s.resumeAfter()).containsExactly(Map.entry("a", 9L));
      assertThat(s.form()).isEqualTo(WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST);
    });
  }

  @Test
  void subscribeRoundTripsInBothResumeForms() {
    for (WireForm form : List.of(WireForm.CHANNEL_SUBSCRIBE_RESUME_MAP, WireForm.CHANNEL_SUBSCRIBE_RESUME_LIST)) {
      ClientCommand.Subscribe s = new ClientCommand.Subscribe("2", List.of("t"), Map.of("t", 4L), 200, form);
      assertThat(codec.decodeClient(codec.encode(s))).isEqualTo(s);
    }
  }

  @Test
  void frameWithBase64UpdateBatchYieldsOneFramePerUpdate() {
    String batch = "{\"updates\":[{\"topic\":\"run:1:events\",\"watermark\":4,\"payload\":{\"x\":1}},"
        + "{\"topic\":\"run:1:events\",\"watermark\":5,\"payload\":{\"x\":2}}]}";
    String bytes = Base64.getEncoder().encodeToString(batch.getBytes(StandardCharsets.UTF_8));
    List<SyncEvent> events = codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"run:1:events\",\"seq\":5,"
        + "\"kind\":\"KHALA_FRAME_KIND_UPDATE_BATCH\",\"payload_bytes\":\"" + bytes + "\",\"schema_version\":1}]");
    assertThat(events).containsExactly(
        new SyncEvent.Frame("run:1:events", 4, "KHALA_FRAME_KIND_UPDATE_BATCH", "{\"x\":1}", WireForm.CHANNEL_FRAME),
        new SyncEvent.Frame("run:1:events", 5, "KHALA_FRAME_KIND_UPDATE_BATCH", "{\"x\":2}", WireForm.CHANNEL_FRAME));
  }

  @Test
  void frameWithAPlainPayloadIsOneFrameAtItsSeq() {
    String bytes = Base64.getEncoder().encodeToString("{\"hello\":true}".getBytes(StandardCharsets.UTF_8));
    assertThat(codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"a\",\"seq\":3,\"payload_bytes\":\"" + bytes + "\"}]"))
        .singleElement().isEqualTo(new SyncEvent.Frame("a", 3, PhoenixChannelCodec.KIND_UPDATE_BATCH, "{\"hello\":true}", WireForm.CHANNEL_FRAME));
  }

  @Test
  void updateBatchIsTheCompatibilityForm() {
    List<SyncEvent> events = codec.decode("[null,null,\"sync:v1\",\"sync:update_batch\",{\"updates\":[{\"topic\":\"a\",\"doc_key\":\"k\","
        + "\"doc_version\":1,\"payload\":{},\"payload_hash\":\"AA==\",\"watermark\":1,\"hydration_required\":false}],"
        + "\"replay_complete\":true,\"head_watermarks\":[{\"topic\":\"a\",\"watermark\":1}]}]");
    assertThat(events).containsExactly(new SyncEvent.Frame("a", 1, "update_batch", "{}", WireForm.CHANNEL_UPDATE_BATCH),
        new SyncEvent.Heartbeat(Map.of("a", 1L), WireForm.CHANNEL_UPDATE_BATCH));
  }

  @Test
  void declaredButUnsentFrameKindsAreNotData() {
    String marks = Base64.getEncoder().encodeToString("{\"watermarks\":{\"a\":9}}".getBytes(StandardCharsets.UTF_8));
    assertThat(codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"a\",\"seq\":9,\"kind\":\"KHALA_FRAME_KIND_HEARTBEAT\","
        + "\"payload_bytes\":\"" + marks + "\"}]")).containsExactly(new SyncEvent.Heartbeat(Map.of("a", 9L), WireForm.CHANNEL_FRAME));
    assertThat(codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"a\",\"seq\":0,\"kind\":\"KHALA_FRAME_KIND_SUBSCRIBED\"}]"))
        .singleElement().satisfies(e -> assertThat(e.form()).isEqualTo(WireForm.CHANNEL_SUBSCRIBED));
  }

  @Test
  void heartbeatCarriesHeadWatermarks() {
    assertThat(codec.decode("[null,null,\"sync:v1\",\"sync:heartbeat\",{\"watermarks\":[{\"topic\":\"a\",\"watermark\":12}]}]"))
        .containsExactly(new SyncEvent.Heartbeat(Map.of("a", 12L), WireForm.CHANNEL_HEARTBEAT));
  }

  @Test
  void staleCursorArrivesAsSyncErrorAndAsErrorFrameWithSeqZero() {
    StaleTopic t = new StaleTopic("a", "retention_floor_breach", 2, 10, 40);
    for (WireForm form : List.of(WireForm.CHANNEL_ERROR, WireForm.CHANNEL_FRAME)) {
      String wire = codec.encode(new SyncEvent.StaleCursor(List.of(t), "resume point below retention floor", form));
      assertThat(wire).contains(form == WireForm.CHANNEL_FRAME ? "\"seq\":0" : "\"full_resync_required\":true");
      assertThat(codec.decode(wire)).singleElement()
          .isEqualTo(new SyncEvent.StaleCursor(List.of(t), "resume point below retention floor", form));
    }
  }

  @Test
  void otherSubscribeErrorsKeepTheirCode() {
    assertThat(codec.decode("[null,\"2\",\"sync:v1\",\"sync:error\",{\"code\":\"forbidden_topic\",\"message\":\"no\",\"forbidden_topics\":[\"x\"]}]"))
        .containsExactly(new SyncEvent.Error("forbidden_topic", "no", WireForm.CHANNEL_ERROR));
  }

  @Test
  void encodedFramesDecodeBackInBothDataForms() {
    for (WireForm form : List.of(WireForm.CHANNEL_FRAME, WireForm.CHANNEL_UPDATE_BATCH)) {
      SyncEvent.Frame f = new SyncEvent.Frame("a", 7, form == WireForm.CHANNEL_FRAME ? PhoenixChannelCodec.KIND_UPDATE_BATCH : "update_batch",
          "{\"n\":7}", form);
      assertThat(codec.decode(codec.encode(f))).containsExactly(f);
    }
  }

  @Test
  void mutationShapedEventsAreDecodedAsOtherEvents() {
    ClientCommand c = codec.decodeClient("[\"1\",\"5\",\"sync:v1\",\"runs:create\",{\"name\":\"x\"}]");
    assertThat(c).isInstanceOfSatisfying(ClientCommand.Other.class, o -> assertThat(o.event()).isEqualTo("runs:create"));
    assertThat(codec.encode(new ClientCommand.Join("1", JsonNodeFactory.instance.objectNode()))).isEqualTo("[\"1\",\"1\",\"sync:v1\",\"phx_join\",{}]");
  }

  @Test
  void malformedJsonIsAnErrorNamingTheInput() {
    assertThatThrownBy(() -> codec.decode("[null,null,\"sync:v1\""))
        .isInstanceOf(SyncCodecException.class)
        .hasMessageStartingWith("Phoenix channel message '[null,null,\"sync:v1\"'")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void anArrayOfTheWrongSizeIsRejected() {
    assertThatThrownBy(() -> codec.decode("[1,2,3]"))
        .isInstanceOf(SyncCodecException.class)
        .hasMessageContaining("expected a 5-element array [join_ref, ref, topic, event, payload], got 3 elements");
  }

  @Test
  void aFrameWithoutSeqIsRejected() {
    assertThatThrownBy(() -> codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"a\"}]"))
        .hasMessageContaining("field 'seq' is missing or not an integer");
  }

  @Test
  void badBase64IsRejected() {
    assertThatThrownBy(() -> codec.decode("[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"a\",\"seq\":1,\"payload_bytes\":\"%%%\"}]"))
        .hasMessageContaining("payload_bytes is not valid base64");
  }

  @Test
  void unknownServerEventsAreRejectedByName() {
    assertThatThrownBy(() -> codec.decode("[null,null,\"sync:v1\",\"sync:surprise\",{}]"))
        .hasMessageContaining("unknown server event 'sync:surprise'");
  }

  @Test
  void longInputIsQuotedShortened() {
    String huge = "x".repeat(5000);
    assertThatThrownBy(() -> codec.decode(huge)).hasMessageContaining("…(5000 chars)");
  }
}
