package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.ArtifactFields;
import dev.invariantharness.runtime.parity.RunManifest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The derivation documented on {@link ArtifactFields#standard()}. */
public final class StandardArtifactFields implements ArtifactFields {

  @Override
  public Map<String, JsonNode> extract(RunManifest manifest) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    fields.put("run_id", TextNode.valueOf(manifest.runId()));

    ObjectNode receipt = Json.readObject(manifest.receipt(), "receipt");
    fields.put("session_id", value(receipt, "session_id"));
    fields.put("trajectory_hash", value(receipt, "trajectory_hash"));
    JsonNode events = receipt.get("events");
    if (events != null && !events.isNull() && !events.isArray()) {
      throw new HarnessInputException(manifest.receipt().toString(), "receipt's events must be an array, found " + events.getNodeType());
    }
    if (events == null || events.isNull()) {
      fields.put("receipt_event_count", NullNode.getInstance());
      fields.put("receipt_last_seq", value(receipt, "last_seq"));
    } else {
      fields.put("receipt_event_count", IntNode.valueOf(events.size()));
      JsonNode last = null;
      for (JsonNode e : events) {
        JsonNode seq = e.get("seq");
        if (seq != null && seq.isNumber() && (last == null || seq.decimalValue().compareTo(last.decimalValue()) > 0)) {
          last = seq;
        }
      }
      fields.put("receipt_last_seq", last == null ? value(receipt, "last_seq") : last);
    }

    ReplayLog replay = ReplayLog.read(manifest.replay());
    fields.put("replay_hash", TextNode.valueOf(replay.hash()));
    fields.put("replay_runtime_event_count", IntNode.valueOf(replay.runtimeEvents()));

    ObjectNode summary = Json.readObject(manifest.summary(), "summary");
    fields.put("summary_status", value(summary, "status"));
    fields.put("summary_last_seq", value(summary, "last_seq"));
    fields.put("summary_event_count", value(summary, "event_count"));
    fields.put("summary_projection_hash", value(summary, "projection_hash"));

    ObjectNode checkpoint = Json.readObject(manifest.checkpoint(), "checkpoint");
    fields.put("checkpoint_last_seq", value(checkpoint, "last_seq"));
    fields.put("checkpoint_last_event_type", value(checkpoint, "last_event_type"));
    return fields;
  }

  private static JsonNode value(JsonNode object, String key) {
    JsonNode v = object.get(key);
    return v == null ? NullNode.getInstance() : v;
  }
}
