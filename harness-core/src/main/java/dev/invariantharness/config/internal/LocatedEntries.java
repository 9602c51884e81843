package dev.invariantharness.config.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML or JSON document of the shape {@code {scalar: ..., listKey: [ {..}, {..} ]}} and
 * keeps the line of every list entry, so a semantic error ("entry has no title") can name the
 * file and line just as a syntax error does.
 */
public final class LocatedEntries {

  /** One list entry and the 1-based line it starts on. */
  public record Entry(JsonNode node, int line) {}

  private static final ObjectMapper YAML = Json.yaml();
  // Entries are read one by one from a running parser: no trailing-token check, duplicates still refused.
  private static final ObjectMapper JSON = Json.mapper();

  private final Map<String, JsonNode> header;
  private final List<Entry> entries;

  private LocatedEntries(Map<String, JsonNode> header, List<Entry> entries) {
    this.header = header;
    this.entries = entries;
  }

  /** Scalar top-level fields other than the list. */
  public Map<String, JsonNode> header() {
    return header;
  }

  /** The entries of the list, in file order. */
  public List<Entry> entries() {
    return entries;
  }

  /**
   * Parses {@code in}. {@code source} names the input in errors; a name ending in {@code .json}
   * is read as JSON, anything else as YAML (a superset).
   *
   * @throws HarnessInputException on a syntax error, a missing list, or an unknown top-level key
   */
  public static LocatedEntries read(
      InputStream in, String source, String listKey, Set<String> headerKeys) {
    ObjectMapper mapper = source.endsWith(".json") ? JSON : YAML;
    Map<String, JsonNode> header = new LinkedHashMap<>();
    List<Entry> entries = new ArrayList<>();
    boolean sawList = false;
    try (JsonParser p = mapper.createParser(in).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new HarnessInputException(source, 1, "the file is empty; expected a '" + listKey + "' list", null);
      }
      if (first != JsonToken.START_OBJECT) {
        throw new HarnessInputException(source, line(p.currentLocation()),
            "expected a mapping with a '" + listKey + "' list at the top, found " + describe(first), null);
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p.currentLocation());
        JsonToken value = p.nextToken();
        if (key.equals(listKey)) {
          sawList = true;
          if (value != JsonToken.START_ARRAY) {
            throw new HarnessInputException(source, keyLine, "'" + listKey + "' must be a list, found " + describe(value), null);
          }
          while (p.nextToken() != JsonToken.END_ARRAY) {
            int entryLine = line(p.currentLocation());
            if (p.currentToken() != JsonToken.START_OBJECT) {
              throw new HarnessInputException(source, entryLine,
                  "each '" + listKey + "' entry must be a mapping of fields, found " + describe(p.currentToken()), null);
            }
            entries.add(new Entry(mapper.readTree(p), entryLine));
          }
        } else if (headerKeys.contains(key)) {
          header.put(key, mapper.readTree(p));
        } else {
          throw new HarnessInputException(source, keyLine,
              "unknown top-level key '" + key + "'; expected '" + listKey + "'"
                  + (headerKeys.isEmpty() ? "" : " or one of " + headerKeys), null);
        }
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new HarnessInputException(source, at == null ? -1 : line(at), "malformed: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new HarnessInputException(source, -1, "cannot be read: " + e, e);
    }
    if (!sawList) {
      throw new HarnessInputException(source, "has no '" + listKey + "' list");
    }
    return new LocatedEntries(header, entries);
  }

  /** Rejects fields of {@code entry} not in {@code known}, naming the field and the known ones. */
  public static void rejectUnknownFields(Entry entry, Set<String> known, String source, String what) {
    for (Iterator<String> it = entry.node().fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!known.contains(field)) {
        throw new HarnessInputException(source, entry.line(),
            what + " has unknown field '" + field + "'; known fields: " + known, null);
      }
    }
  }

  /** Text of a field, or null when absent or null; a non-scalar value is an error. */
  public static String text(Entry entry, String field, String source, String what) {
    JsonNode v = entry.node().get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new HarnessInputException(source, entry.line(), what + " field '" + field + "' must be a single value", null);
    }
    return v.asText();
  }

  /** A list of strings (a single scalar counts as a one-element list). */
  public static List<String> textList(Entry entry, String field, String source, String what) {
    JsonNode v = entry.node().get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isValueNode()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw new HarnessInputException(source, entry.line(), what + " field '" + field + "' must be a list of values", null);
    }
    for (JsonNode item : v) {
      if (!item.isValueNode()) {
        throw new HarnessInputException(source, entry.line(), what + " field '" + field + "' must be a list of values", null);
      }
      out.add(item.asText());
    }
    return out;
  }

  private static int line(JsonLocation loc) {
    return loc == null ? -1 : loc.getLineNr();
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of file";
    }
    return switch (t) {
      case START_ARRAY -> "a list";
      case START_OBJECT -> "a mapping";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }
}
