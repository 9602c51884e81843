package dev.invariantharness.khala.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming reader of {@code sync:frame} messages is only a faster way to the tree reader's
 * answer: for every message it either declines (null) or returns exactly what the tree reader does.
 */
class ChannelFrameReaderTest {

  private static final PhoenixChannelCodec CODEC = PhoenixChannelCodec.INSTANCE;

  private static final List<String> PAYLOADS = List.of(
      "{\"topic\":\"run:1:events\",\"seq\":1,\"body\":\"event 1\"}",
      "{\"a\":1.50,\"b\":1e2,\"c\":-0.0,\"d\":12345678901234,\"e\":123456789012345678901234567890}",
      "{\"s\":\"x\\u00e9\\n\\t\\\"q\\\" \\ud83d\\ude00 </script>\",\"n\":null,\"t\":true,\"f\":false}",
      "{\"nested\":{\"list\":[1,[2,[3,{}]],[]],\"empty\":{}}}",
      "\"just text\"",
      "42",
      "null",
      "[1,2,3]",
      "{}");

  @Test
  void everyChannelFrameOfTheCorpusDecodesAsTheTreeReaderDecodesIt() {
    List<String> messages = new ArrayList<>();
    for (String payload : PAYLOADS) {
      messages.add(frame("run:1:events", "7", "\"KHALA_FRAME_KIND_UPDATE_BATCH\"", batch(update("run:1:events", "7", payload))));
      messages.add(frame("run:1:events", "9", null,
          batch(update("run:1:events", "8", payload) + "," + update("run:1:events", "9", payload))));
      messages.add(frame("run:1:events", "3", "\"KHALA_FRAME_KIND_UPDATE_BATCH\"",
          "{\"replay_complete\":true,\"updates\":[" + update("run:1:events", "3", payload) + "],\"head_watermarks\":[]}"));
    }
    int streamed = 0;
    for (String m : messages) {
      List<SyncEvent> fast = ChannelFrameReader.read(m);
      assertThat(fast).as(m).isNotNull().isEqualTo(CODEC.decodeTree(m));
      streamed++;
    }
    assertThat(streamed).isEqualTo(PAYLOADS.size() * 3);
  }

  @Test
  void unusualOrMalformedFramesAreLeftToTheTreeReader() {
    List<String> declined = List.of(
        frame("run:1:events", "\"7\"", null, batch(update("run:1:events", "7", "{}"))),
        frame("run:1:events", "7.0", null, batch(update("run:1:events", "7", "{}"))),
        frame("run:1:events", "7", null, batch(update("run:1:events", "\"7\"", "{}"))),
        frame("run:1:events", "7", null, batch("{\"watermark\":7,\"payload\":{}}")),
        frame("run:1:events", "7", null, batch("42")),
        frame("run:1:events", "7", null, "{\"topic\":\"run:1:events\",\"seq\":7}"),
        frame("run:1:events", "7", null, "[1,2]"),
        frame("run:1:events", "7", null, "not json"),
        frame("run:1:events", "7", "\"KHALA_FRAME_KIND_HEARTBEAT\"", "{\"watermarks\":[]}"),
        frame("run:1:events", "7", "\"KHALA_FRAME_KIND_ERROR\"", "{\"code\":\"stale_cursor\"}"),
        frame("run:1:events", "7", "5", batch(update("run:1:events", "7", "{}"))),
        "[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"t\",\"seq\":1,\"payload_bytes\":\"%%%\"}]",
        "[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"t\",\"seq\":1}]",
        "[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"t\",\"seq\":1,\"payload_bytes\":\"\"}]",
        "[null,null,\"sync:v1\",\"sync:frame\",{\"seq\":1,\"payload_bytes\":\"e30=\"}]",
        "[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"t\",\"seq\":1,\"payload_bytes\":\"e30=\"},6]",
        "[null,null,\"sync:v1\",\"sync:update_batch\",{\"updates\":[]}]",
        "[null,null,\"sync:v1\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]",
        "{\"event\":\"sync:frame\"}",
        "[null,null,\"sync:v1\"");
    for (String m : declined) {
      assertThat(ChannelFrameReader.read(m)).as(m).isNull();
    }
  }

  @Test
  void randomFramesAndTheirCorruptionsNeverDisagreeWithTheTreeReader() {
    Random random = new Random(20261205);
    String valid = frame("run:1:events", "9", "\"KHALA_FRAME_KIND_UPDATE_BATCH\"",
        batch(update("run:1:events", "8", PAYLOADS.get(1)) + "," + update("run:1:events", "9", PAYLOADS.get(2))));
    for (int i = 0; i < 2_000; i++) {
      StringBuilder m = new StringBuilder(valid);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(m.length());
        switch (random.nextInt(3)) {
          case 0 -> m.deleteCharAt(at);
          case 1 -> m.insert(at, "{}[],:\"0a ".charAt(random.nextInt(10)));
          default -> m.setCharAt(at, "{}[],:\"0a ".charAt(random.nextInt(10)));
        }
      }
      String message = m.toString();
      List<SyncEvent> fast = ChannelFrameReader.read(message);
      if (fast != null) {
        assertThat(fast).as(message).isEqualTo(CODEC.decodeTree(message));
      }
    }
  }

  private static String frame(String topic, String seq, String kind, String batchJson) {
    String bytes = Base64.getEncoder().encodeToString(batchJson.getBytes(StandardCharsets.UTF_8));
    return "[null,null,\"sync:v1\",\"sync:frame\",{\"topic\":\"" + topic + "\",\"seq\":" + seq
        + (kind == null ? "" : ",\"kind\":" + kind) + ",\"payload_bytes\":\"" + bytes + "\",\"schema_version\":1}]";
  }

  private static String batch(String updates) {
    return "{\"updates\":[" + updates + "]}";
  }

  private static String update(String topic, String watermark, String payload) {
    return "{\"topic\":\"" + topic + "\",\"doc_key\":\"k\",\"doc_version\":1,\"payload\":" + payload
        + ",\"payload_hash\":\"aGFzaA==\",\"watermark\":" + watermark + ",\"hydration_required\":false}";
  }
}
