package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Shared JSON plumbing: one mapper, file reading with input errors, canonical form, hashing. */
public final class Json {

  /** Thread-safe once configured. */
  public static final ObjectMapper MAPPER = dev.invariantharness.json.Json.mapper().copy()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  /** Reads {@code file} as text, or a HarnessInputException saying it is missing or unreadable. */
  public static String readText(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(file.toString(), what + " does not exist");
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), -1, what + " cannot be read: " + e, e);
    }
  }

  /** Parses {@code text} (from {@code source}) as one JSON document. */
  public static JsonNode parse(String text, String source, int line, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new HarnessInputException(source, line, what + " is empty", null);
      }
      return node;
    } catch (JsonProcessingException e) {
      int at = line > 0 ? line : e.getLocation() == null ? -1 : e.getLocation().getLineNr();
      throw new HarnessInputException(source, at, what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads {@code file} as one JSON object. */
  public static ObjectNode readObject(Path file, String what) {
    JsonNode node = parse(readText(file, what), file.toString(), -1, what);
    if (!node.isObject()) {
      throw new HarnessInputException(file.toString(), what + " must be a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return (ObjectNode) node;
  }

  /** The canonical text of {@code node}: object keys sorted, no whitespace, numbers as parsed. */
  public static String canonical(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    appendCanonical(node, sb);
    return sb.toString();
  }

  private static void appendCanonical(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        entries.add(it.next());
      }
      entries.sort(Map.Entry.comparingByKey());
      sb.append('{');
      for (int i = 0; i < entries.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(MAPPER.getNodeFactory().textNode(entries.get(i).getKey()).toString()).append(':');
        appendCanonical(entries.get(i).getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        appendCanonical(node.get(i), sb);
      }
      sb.append(']');
    } else {
      sb.append(node.toString());
    }
  }

  /** Lower-case hex SHA-256 of {@code text} in UTF-8. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
