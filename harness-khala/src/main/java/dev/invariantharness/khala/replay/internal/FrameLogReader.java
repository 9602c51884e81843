package dev.invariantharness.khala.replay.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.khala.replay.EventKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streams a JSON-lines frame log into a {@link ReplayEngine} with Jackson's {@link JsonParser}:
 * one event object per line, nothing held but the current event, so a log of any length reads in
 * constant memory. A malformed line stops the read with a {@link HarnessInputException} naming
 * the file and the line.
 */
public final class FrameLogReader {

  private static final JsonFactory JSON = new JsonFactory();
  private static final EventKind[] KINDS = EventKind.values();
  private static final char[][] WIRE_NAMES = new char[KINDS.length][];

  static {
    for (EventKind kind : KINDS) {
      WIRE_NAMES[kind.ordinal()] = kind.wireName().toCharArray();
    }
  }

  private final String input;
  private final ReplayEngine engine;
  private final TopicNames topics = new TopicNames();
  private final List<String> resumeTopics = new ArrayList<>();
  private final List<Long> resumeWatermarks = new ArrayList<>();
  /** The line the event being read starts on; 0 between events. */
  private int eventLine;

  private FrameLogReader(String input, ReplayEngine engine) {
    this.input = input;
    this.engine = engine;
  }

  /** Feeds every event of {@code file} to {@code engine}, in order. */
  public static void read(Path file, ReplayEngine engine) {
    new FrameLogReader(file.toString(), engine).readFile(file);
  }

  private void readFile(Path file) {
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = JSON.createParser(in)) {
      readEvents(parser);
    } catch (JsonProcessingException e) {
      // a truncated line is only noticed on the next one: name the line the event started on
      int at = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      int line = eventLine > 0 ? eventLine : at;
      String where = at > line ? " (noticed at line " + at + ")" : "";
      throw new HarnessInputException(input, line,
          "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new HarnessInputException(input, -1, "cannot read the frame log: " + e, e);
    }
  }

  private void readEvents(JsonParser parser) throws IOException {
    int previousLine = 0;
    JsonToken token;
    while ((token = parser.nextToken()) != null) {
      int line = parser.currentTokenLocation().getLineNr();
      if (token != JsonToken.START_OBJECT) {
        throw bad(line, "expected one JSON object per line, found " + found(parser, token));
      }
      if (line == previousLine) {
        throw bad(line, "more than one event on the line; a frame log holds one event per line");
      }
      previousLine = line;
      eventLine = line;
      readEvent(parser, line);
      eventLine = 0;
    }
  }

  private void readEvent(JsonParser parser, int line) throws IOException {
    EventKind kind = null;
    String topic = null;
    long seq = -1;
    long watermark = -1;
    boolean resumeAfter = false;
    String field;
    while ((field = parser.nextFieldName()) != null) {
      switch (field) {
        case "event" -> kind = kind(parser, line);
        case "topic" -> topic = topic(parser, line);
        case "seq" -> seq = number(parser, line, "seq");
        case "watermark" -> watermark = number(parser, line, "watermark");
        case "resume_after" -> {
          resumeAfter = true;
          resumeAfter(parser, line);
        }
        default -> {
          // other fields (at, payload_hash, reason, node, ...) are for people, not the check
          parser.nextToken();
          parser.skipChildren();
        }
      }
    }
    if (kind == null) {
      throw bad(line, "the event has no \"event\" field; expected one of: sent, applied,"
          + " discarded, connect, disconnect, resume, reset, snapshot");
    }
    if (kind.carriesSeq()) {
      require(topic != null, line, kind, "topic", "\"topic\":\"...\",\"seq\":N");
      require(seq >= 0, line, kind, "seq", "\"topic\":\"...\",\"seq\":N");
      engine.accept(kind, topic, seq, line);
    } else if (kind == EventKind.RESUME && resumeAfter) {
      if (topic != null || watermark >= 0) {
        throw bad(line, "a resume names its topics either with \"topic\" and \"watermark\" or"
            + " with \"resume_after\", not both");
      }
      for (int i = 0; i < resumeTopics.size(); i++) {
        engine.accept(kind, resumeTopics.get(i), resumeWatermarks.get(i), line);
      }
    } else if (kind.carriesWatermark()) {
      require(topic != null, line, kind, "topic", "\"topic\":\"...\",\"watermark\":N");
      require(watermark >= 0, line, kind, "watermark", "\"topic\":\"...\",\"watermark\":N");
      engine.accept(kind, topic, watermark, line);
    } else {
      engine.accept(kind, null, 0, line);
    }
  }

  private EventKind kind(JsonParser parser, int line) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.VALUE_STRING) {
      throw bad(line, "\"event\" must be a string, found " + found(parser, token));
    }
    // matched in the parser's buffer: no String per line
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    for (EventKind kind : KINDS) {
      char[] name = WIRE_NAMES[kind.ordinal()];
      if (name.length == length
          && Arrays.equals(name, 0, length, text, offset, offset + length)) {
        return kind;
      }
    }
    throw bad(line, "unknown event \"" + abbreviate(parser.getText()) + "\"; expected one of:"
        + " sent, applied, discarded, connect, disconnect, resume, reset, snapshot");
  }

  private String topic(JsonParser parser, int line) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.VALUE_STRING) {
      throw bad(line, "\"topic\" must be a string, found " + found(parser, token));
    }
    return topics.intern(parser.getTextCharacters(), parser.getTextOffset(),
        parser.getTextLength());
  }

  /**
   * Reads {@code resume_after} in either wire form: an object {@code {TOPIC: WATERMARK}} or a
   * list of {@code {"topic":..,"watermark":..}}.
   */
  private void resumeAfter(JsonParser parser, int line) throws IOException {
    resumeTopics.clear();
    resumeWatermarks.clear();
    JsonToken token = parser.nextToken();
    if (token == JsonToken.START_OBJECT) {
      String topic;
      while ((topic = parser.nextFieldName()) != null) {
        resumeTopics.add(topic);
        resumeWatermarks.add(number(parser, line, "resume_after." + topic));
      }
    } else if (token == JsonToken.START_ARRAY) {
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        String topic = null;
        long watermark = -1;
        String field;
        while ((field = parser.nextFieldName()) != null) {
          switch (field) {
            case "topic" -> topic = string(parser, line, "resume_after[].topic");
            case "watermark" -> watermark = number(parser, line, "resume_after[].watermark");
            default -> {
              parser.nextToken();
              parser.skipChildren();
            }
          }
        }
        if (topic == null || watermark < 0) {
          throw bad(line, "a \"resume_after\" entry needs \"topic\" and \"watermark\"");
        }
        resumeTopics.add(topic);
        resumeWatermarks.add(watermark);
      }
      if (parser.currentToken() != JsonToken.END_ARRAY) {
        throw bad(line, "\"resume_after\" entries must be objects {\"topic\":..,\"watermark\":..}");
      }
    } else {
      throw bad(line, "\"resume_after\" must be an object {TOPIC: WATERMARK} or a list of"
          + " {\"topic\":..,\"watermark\":..}, found " + found(parser, token));
    }
  }

  private String string(JsonParser parser, int line, String field) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.VALUE_STRING) {
      throw bad(line, "\"" + field + "\" must be a string, found " + found(parser, token));
    }
    return parser.getText();
  }

  private long number(JsonParser parser, int line, String field) throws IOException {
    JsonToken token = parser.nextToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw bad(line, "\"" + field + "\" must be a non-negative integer, found "
          + found(parser, token));
    }
    long value = parser.getLongValue();
    if (value < 0) {
      throw bad(line, "\"" + field + "\" must be a non-negative integer, found " + value);
    }
    return value;
  }

  private void require(boolean present, int line, EventKind kind, String field, String shape) {
    if (!present) {
      throw bad(line, "the \"" + kind + "\" event has no \"" + field + "\"; expected"
          + " {\"event\":\"" + kind + "\"," + shape + "}");
    }
  }

  private static String found(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "the string \"" + abbreviate(parser.getText()) + "\"";
      case VALUE_NULL -> "null";
      default -> abbreviate(parser.getText());
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private HarnessInputException bad(int line, String problem) {
    return new HarnessInputException(input, line, problem, null);
  }
}
