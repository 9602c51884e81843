package dev.invariantharness.khala.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads the common case of the channel — a {@code sync:frame} whose {@code payload_bytes} hold an
 * update batch — by streaming, without building a JSON tree for the envelope and another for the
 * batch: live checks decode every frame, and the two trees were most of a live client's cost.
 * Anything else, or anything unusual (a missing field, a number where text belongs, an empty
 * payload, an error or heartbeat kind), returns {@code null} and the codec's tree reader decides,
 * so every message is accepted or rejected, with the same message, exactly as before.
 */
final class ChannelFrameReader {

  /**
   * A factory of its own: a declined message goes to the tree reader, which names the problem, so
   * this parser need not keep the source for error locations — building that reference for every
   * message cost a quarter of the decoding.
   */
  private static final JsonFactory JSON = JsonFactory.builder().disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();

  private ChannelFrameReader() {}

  /** The frames of {@code message}, or null when the tree reader must decide. */
  static List<SyncEvent> read(String message) {
    try (JsonParser p = JSON.createParser(message)) {
      if (p.nextToken() != JsonToken.START_ARRAY || !skipValue(p) || !skipValue(p)
          || p.nextToken() != JsonToken.VALUE_STRING || p.nextToken() != JsonToken.VALUE_STRING
          || !"sync:frame".equals(p.getText()) || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      boolean topic = false;
      boolean seq = false;
      String kind = PhoenixChannelCodec.KIND_UPDATE_BATCH;
      String bytes = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String field = p.currentName();
        JsonToken v = p.nextToken();
        switch (field) {
          case "topic" -> {
            topic = v == JsonToken.VALUE_STRING;
            p.skipChildren();
          }
          case "seq" -> {
            seq = isWholeNumber(p, v);
            p.skipChildren();
          }
          case "kind" -> {
            if (v != JsonToken.VALUE_STRING) {
              return null;
            }
            kind = p.getText();
          }
          case "payload_bytes" -> {
            if (v != JsonToken.VALUE_STRING) {
              return null;
            }
            bytes = p.getText();
          }
          default -> p.skipChildren();
        }
      }
      if (!topic || !seq || bytes == null || bytes.isEmpty() || p.nextToken() != JsonToken.END_ARRAY
          || kind.endsWith("HEARTBEAT") || kind.endsWith("SUBSCRIBED") || kind.endsWith("ERROR")) {
        return null;
      }
      byte[] batch = Base64.getDecoder().decode(bytes);
      // The tree reader reads the bytes as UTF-8 text; Jackson would guess UTF-16 or 32 from a BOM
      // or zero bytes, so such payloads are left to the tree reader (invalid UTF-8 fails here).
      return isPlainUtf8(batch) ? updates(batch, kind) : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The updates of a batch, or null when the batch is not a plain object with an {@code updates} list. */
  private static List<SyncEvent> updates(byte[] batch, String kind) throws IOException {
    try (JsonParser p = JSON.createParser(batch)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<SyncEvent> frames = null;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if (field.equals("updates")) {
          if (v != JsonToken.START_ARRAY || frames != null) {
            return null;
          }
          frames = new ArrayList<>();
          for (JsonToken u = p.nextToken(); u != JsonToken.END_ARRAY; u = p.nextToken()) {
            SyncEvent.Frame f = update(p, u, kind);
            if (f == null) {
              return null;
            }
            frames.add(f);
          }
        } else {
          p.skipChildren();
        }
      }
      return frames;
    }
  }

  private static SyncEvent.Frame update(JsonParser p, JsonToken start, String kind) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      return null;
    }
    String topic = null;
    long watermark = -1;
    boolean hasWatermark = false;
    String payload = "";
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "topic" -> {
          topic = v == JsonToken.VALUE_STRING ? p.getText() : null;
          p.skipChildren();
        }
        case "watermark" -> {
          hasWatermark = isWholeNumber(p, v);
          if (hasWatermark) {
            watermark = p.getLongValue();
          }
          p.skipChildren();
        }
        case "payload" -> payload = payloadText(p, v);
        default -> p.skipChildren();
      }
    }
    return topic == null || !hasWatermark ? null : new SyncEvent.Frame(topic, watermark, kind, payload, WireForm.CHANNEL_FRAME);
  }

  /** As {@code JsonText.payloadText}: text as it is, null as empty, anything else as compact JSON. */
  private static String payloadText(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NULL) {
      return "";
    }
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.copyCurrentStructure(p);
    }
    return out.toString();
  }

  /** An integer the tree reader accepts: a long-sized JSON integer (not text, not a fraction). */
  private static boolean isWholeNumber(JsonParser p, JsonToken v) throws IOException {
    return v == JsonToken.VALUE_NUMBER_INT
        && (p.getNumberType() == JsonParser.NumberType.INT || p.getNumberType() == JsonParser.NumberType.LONG);
  }

  /** Starts as JSON in UTF-8 starts: an ASCII byte, no zero byte where Jackson looks for another encoding. */
  private static boolean isPlainUtf8(byte[] bytes) {
    if (bytes.length == 0 || bytes[0] < 0) {
      return false;
    }
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }

  /** Skips one value (scalar or structure); false at the end of the input or of the enclosing array. */
  private static boolean skipValue(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null || t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
      return false;
    }
    p.skipChildren();
    return true;
  }
}
