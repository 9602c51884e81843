package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.runtime.parity.internal.StandardArtifactFields;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Derives the compared fields from a run's artifacts. {@link #standard()} implements the
 * derivation documented in {@code harness-runtime/docs/shadow-parity.md}; a runtime whose artifacts look
 * different plugs in its own:
 *
 * <pre>{@code
 * ArtifactFields mine = manifest -> {
 *   Map<String, JsonNode> fields = new HashMap<>(ArtifactFields.standard().extract(manifest));
 *   fields.put("summary_status", readMyStatus(manifest.summary()));
 *   return fields;
 * };
 * ArtifactParity.builder().fields(mine).build().compare(legacyManifest, rustManifest);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ArtifactFields {

  /**
   * The fields of one run, by name. A field its artifact does not carry maps to JSON
   * {@code null} (compared like any value); a field the extractor does not know at all is left
   * out, and naming it in a field set is a configuration error.
   *
   * @throws dev.invariantharness.HarnessInputException when an artifact is missing or malformed,
   *     naming the file (and line) and the problem
   */
  Map<String, JsonNode> extract(RunManifest manifest);

  /**
   * The standard derivation:
   *
   * <ul>
   *   <li>{@code run_id}: the manifest's {@code run_id};
   *   <li>receipt (one JSON object): {@code session_id}, {@code trajectory_hash} are its keys of
   *       that name; {@code receipt_event_count} is the length of its {@code events} array;
   *       {@code receipt_last_seq} is the largest {@code seq} among those events (or its own
   *       {@code last_seq} when it lists no events);
   *   <li>replay (JSONL, one JSON object a line; blank lines skipped): {@code replay_hash} is the
   *       SHA-256 (hex) of the lines' canonical JSON (keys sorted, no whitespace) joined by
   *       {@code \n}, so formatting and key order do not count but content and event order do;
   *       {@code replay_runtime_event_count} counts the lines that carry a numeric {@code seq}
   *       (runtime events; header or marker lines without one are hashed but not counted);
   *   <li>summary (JSON object): {@code summary_status}, {@code summary_last_seq},
   *       {@code summary_event_count}, {@code summary_projection_hash} are its {@code status},
   *       {@code last_seq}, {@code event_count}, {@code projection_hash};
   *   <li>checkpoint (JSON object): {@code checkpoint_last_seq}, {@code checkpoint_last_event_type}
   *       are its {@code last_seq}, {@code last_event_type}.
   * </ul>
   */
  static ArtifactFields standard() {
    return new StandardArtifactFields();
  }
}
