package dev.invariantharness.runtime.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a run's artifacts and manifest into a directory; tests override single files. */
final class ArtifactFixtures {

  private ArtifactFixtures() {}

  static final String RECEIPT = """
      {"run_id":"run-42","session_id":"sess-7","trajectory_hash":"th-abc",
       "events":[{"seq":1,"type":"run.started"},{"seq":2,"type":"tool.called"},{"seq":3,"type":"run.finished"}]}
      """;
  static final String REPLAY = """
      {"type":"replay.header","version":1}
      {"seq":1,"type":"run.started","payload":{"a":1,"b":2}}
      {"seq":2,"type":"tool.called","payload":{"tool":"search"}}
      {"seq":3,"type":"run.finished","payload":{}}
      """;
  static final String SUMMARY = """
      {"status":"completed","last_seq":3,"event_count":3,"projection_hash":"ph-1"}
      """;
  static final String CHECKPOINT = """
      {"last_seq":3,"last_event_type":"run.finished"}
      """;

  /** A complete run in {@code dir}, with {@code overrides} (file name → content) applied. */
  static Path run(Path dir, String runId, Map<String, String> overrides) {
    try {
      Files.createDirectories(dir);
      write(dir, "receipt.json", RECEIPT, overrides);
      write(dir, "replay.jsonl", REPLAY, overrides);
      write(dir, "summary.json", SUMMARY, overrides);
      write(dir, "checkpoint.json", CHECKPOINT, overrides);
      String manifest = overrides.getOrDefault("manifest.json", """
          {"run_id":"%s","receipt_path":"receipt.json","replay_path":"replay.jsonl",
           "summary_path":"summary.json","checkpoint_path":"checkpoint.json"}
          """.formatted(runId));
      Path file = dir.resolve("manifest.json");
      Files.writeString(file, manifest);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path run(Path dir, Map<String, String> overrides) {
    return run(dir, "run-42", overrides);
  }

  private static void write(Path dir, String name, String content, Map<String, String> overrides) throws IOException {
    if (!overrides.containsKey(name) || overrides.get(name) != null) {
      Files.writeString(dir.resolve(name), overrides.getOrDefault(name, content));
    }
  }
}
