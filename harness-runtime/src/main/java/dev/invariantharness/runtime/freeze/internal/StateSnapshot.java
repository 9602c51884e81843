package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.runtime.freeze.AuthorityService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's observable state: the status and body of each of its read paths, read at one
 * moment. Two snapshots around rejected writes must be identical, or a write left a trace.
 *
 * @param answers read path to {@code status + body}
 * @param exchanges the reads, for evidence
 */
public record StateSnapshot(Map<String, String> answers, List<HttpExchange> exchanges) {

  /** Reads every read path of {@code service}. */
  public static StateSnapshot of(AuthorityService service) {
    List<ProbeRequest> reads = service.readPaths().stream().map(ProbeRequest::get).toList();
    List<HttpExchange> exchanges = HttpProbe.sendAll(service, reads);
    Map<String, String> answers = new LinkedHashMap<>();
    for (int i = 0; i < reads.size(); i++) {
      HttpExchange e = exchanges.get(i);
      answers.put(reads.get(i).path(), e.status() + "\n" + e.responseBody());
    }
    return new StateSnapshot(Map.copyOf(answers), List.copyOf(exchanges));
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
