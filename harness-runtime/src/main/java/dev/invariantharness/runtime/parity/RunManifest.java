package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.internal.Json;
import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A manifest of one run's artifacts, the input of {@link ArtifactParity}:
 *
 * <pre>{@code
 * {"run_id":"run-42","receipt_path":"receipt.json","replay_path":"replay.jsonl",
 *  "summary_path":"summary.json","checkpoint_path":"checkpoint.json"}
 * }</pre>
 *
 * <p>Relative paths resolve against the manifest's own directory, so a manifest and its
 * artifacts can be moved together.
 *
 * @param file the manifest file
 * @param runId the run's id
 * @param receipt the receipt (JSON)
 * @param replay the replay log (JSONL)
 * @param summary the run summary (JSON)
 * @param checkpoint the projector checkpoint (JSON)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RunManifest(Path file, String runId, Path receipt, Path replay, Path summary, Path checkpoint) {

  /** Every part is required. */
  public RunManifest {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }

  /**
   * Reads a manifest.
   *
   * @throws HarnessInputException naming the file and the problem: missing, not JSON, a key
   *     absent or not a non-blank string
   */
  public static RunManifest read(Path file) {
    ObjectNode json = Json.readObject(file, "run manifest");
    Path dir = file.toAbsolutePath().getParent();
    return new RunManifest(file, text(json, "run_id", file), dir.resolve(text(json, "receipt_path", file)),
        dir.resolve(text(json, "replay_path", file)), dir.resolve(text(json, "summary_path", file)),
        dir.resolve(text(json, "checkpoint_path", file)));
  }

  private static String text(JsonNode json, String key, Path file) {
    JsonNode v = json.get(key);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new HarnessInputException(file.toString(),
          "run manifest needs " + key + " as a non-blank string, found " + (v == null ? "nothing" : v.toString()));
    }
    return v.asText();
  }
}
