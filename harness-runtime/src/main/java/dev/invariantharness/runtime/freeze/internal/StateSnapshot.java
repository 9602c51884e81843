package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.evidence.HttpExchange;
import java.io.IOException;
import dev.invariantharness.runtime.freeze.AuthorityService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's observable state: the status and body of each of its read paths, read at one
 * moment. Two snapshots around rejected writes must be identical, or a write left a trace.
 *
 * @param answers read path to {@code status + body}
 * @param exchanges the reads, for evidence
 */
public record StateSnapshot(Map<String, String> answers, List<HttpExchange> exchanges) {

  private static final ObjectMapper JSON = Json.mapper();

  /** Reads every read path of {@code service}. */
  public static StateSnapshot of(AuthorityService service) {
    List<ProbeRequest> reads = service.readPaths().stream().map(ProbeRequest::get).toList();
    List<HttpExchange> exchanges = HttpProbe.sendAll(service, reads);
    Map<String, String> answers = new LinkedHashMap<>();
    for (int i = 0; i < reads.size(); i++) {
      HttpExchange e = exchanges.get(i);
      answers.put(reads.get(i).path(), e.status() + "\n" + withoutVolatileFields(e.responseBody(), service.volatileFields()));
    }
    return new StateSnapshot(Map.copyOf(answers), List.copyOf(exchanges));
  }

  /** {@code body} without the named fields at any depth when it is JSON and names are given; else as it is. */
  static String withoutVolatileFields(String body, Set<String> names) {
    if (names.isEmpty() || body == null || body.isBlank()) {
      return body;
    }
    try {
      JsonNode root = JSON.readTree(body);
      strip(root, names);
      return JSON.writeValueAsString(root);
    } catch (IOException notJson) {
      return body;
    }
  }

  private static void strip(JsonNode node, Set<String> names) {
    if (node instanceof ObjectNode object) {
      object.remove(names);
    }
    node.forEach(child -> strip(child, names));
  }

  /** The read paths whose answer differs in {@code after}. */
  public List<String> changedIn(StateSnapshot after) {
    List<String> changed = new ArrayList<>();
    answers.forEach((path, before) -> {
      if (!before.equals(after.answers().get(path))) {
        changed.add(path);
      }
    });
    return changed;
  }

  /** Reads that did not answer 2xx, as {@code GET /path: answered 503 (...)}. */
  public List<String> failedReads() {
    List<String> failed = new ArrayList<>();
    for (HttpExchange e : exchanges) {
      if (e.status() / 100 != 2) {
        failed.add("GET " + e.path() + ": answered " + (e.status() == 0 ? "nothing" : e.status())
            + " (" + ErrorBody.parse(e.responseBody()).describe() + ")");
      }
    }
    return failed;
  }

  /** Every answer as text, sorted by path, for diffs. */
  public String render() {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(answers).forEach((p, a) -> b.append("GET ").append(p).append(" -> ").append(a).append('\n'));
    return b.toString();
  }
}
