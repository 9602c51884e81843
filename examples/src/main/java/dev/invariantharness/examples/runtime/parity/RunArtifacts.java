package dev.invariantharness.examples.runtime.parity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one run's artifacts — receipt, replay log, summary, checkpoint — and its manifest, the
 * way the legacy runtime and the Rust runtime's shadow run leave them after the same work.
 * {@code critical-drift} makes the Rust run end {@code failed} one event short.
 */
public final class RunArtifacts {

  private RunArtifacts() {}

  /** Writes the run into {@code dir} and returns its manifest. */
  public static Path write(Path dir, boolean criticalDrift) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("receipt.json"), """
        {"run_id":"run-2041","session_id":"sess-88","trajectory_hash":"9f2c1e",
         "events":[{"seq":1,"type":"run.started"},{"seq":2,"type":"tool.called"},{"seq":3,"type":"tool.result"},{"seq":4,"type":"run.finished"}]}
        """);
    Files.writeString(dir.resolve("replay.jsonl"), """
        {"type":"replay.header","run_id":"run-2041","version":1}
        {"seq":1,"type":"run.started","payload":{"agent":"codex"}}
        {"seq":2,"type":"tool.called","payload":{"tool":"search","args":{"q":"parity"}}}
        {"seq":3,"type":"tool.result","payload":{"hits":3}}
        {"seq":4,"type":"run.finished","payload":{"ok":true}}
        """);
    Files.writeString(dir.resolve("summary.json"), criticalDrift
        ? "{\"status\":\"failed\",\"last_seq\":3,\"event_count\":4,\"projection_hash\":\"p-77\"}\n"
        : "{\"status\":\"completed\",\"last_seq\":4,\"event_count\":4,\"projection_hash\":\"p-77\"}\n");
    Files.writeString(dir.resolve("checkpoint.json"), "{\"last_seq\":4,\"last_event_type\":\"run.finished\"}\n");
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(manifest, """
        {"run_id":"run-2041","receipt_path":"receipt.json","replay_path":"replay.jsonl",
         "summary_path":"summary.json","checkpoint_path":"checkpoint.json"}
        """);
    return manifest;
  }
}
