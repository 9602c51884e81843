package dev.invariantharness.deploy.migration;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a deploy looks like, supplied by the user (the harness queries no cloud): the service's
 * image, the migrate job's image, the migrate job's executions and whether a mixed-version
 * overlap window is open.
 *
 * <pre>{@code
 * {
 *   "service":     {"name": "runtime", "image": "registry/runtime@sha256:aaa..."},
 *   "migrate_job": {"name": "runtime-migrate", "image": "registry/runtime@sha256:aaa..."},
 *   "executions":  [{"id": "m-1", "image": "registry/runtime@sha256:aaa...",
 *                    "status": "succeeded", "completed_at": "2026-02-22T10:00:00Z"}],
 *   "overlap_window": {"open": true}
 * }
 * }</pre>
 *
 * @param source where it was read from, for messages
 * @param serviceName the service
 * @param serviceImage its image reference
 * @param migrateJobName the migrate job
 * @param migrateJobImage its image reference
 * @param executions the migrate job's executions
 * @param overlapWindowOpen whether old and new versions serve at once right now
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DeployDescriptor(String source, String serviceName, String serviceImage, String migrateJobName,
    String migrateJobImage, List<Execution> executions, boolean overlapWindowOpen) {

  /**
   * One run of the migrate job.
   *
   * @param id execution id
   * @param image the image it ran
   * @param status {@code succeeded}, {@code failed} or {@code running}
   * @param completedAt when it finished, null while running
   */
  public record Execution(String id, String image, String status, Instant completedAt) {}

  public DeployDescriptor {
    executions = List.copyOf(executions);
  }

  /** Reads a descriptor; a missing or malformed field is one error naming the field. */
  public static DeployDescriptor read(Path file) {
    JsonNode root;
    try {
      root = Json.strict().readTree(file.toFile());
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "is not readable JSON: " + e.getMessage());
    }
    String src = file.toString();
    if (root == null || !root.isObject()) {
      throw new HarnessInputException(src, "is not a JSON object");
    }
    List<Execution> executions = new ArrayList<>();
    JsonNode ex = root.path("executions");
    if (!ex.isMissingNode() && !ex.isArray()) {
      throw new HarnessInputException(src, "field executions must be an array");
    }
    for (int i = 0; i < ex.size(); i++) {
      JsonNode e = ex.get(i);
      String at = "executions[" + i + "]";
      String status = text(src, e, at + ".status");
      if (!List.of("succeeded", "failed", "running").contains(status)) {
        throw new HarnessInputException(src, "field " + at + ".status must be succeeded, failed or running, got '" + status + "'");
      }
      Instant completed = null;
      JsonNode c = e.path("completed_at");
      if (!c.isMissingNode() && !c.isNull()) {
        try {
          completed = Instant.parse(c.asText());
        } catch (DateTimeParseException dte) {
          throw new HarnessInputException(src, "field " + at + ".completed_at is not an ISO-8601 instant: '" + c.asText() + "'");
        }
      } else if (!status.equals("running")) {
        throw new HarnessInputException(src, "field " + at + ".completed_at is missing");
      }
      executions.add(new Execution(Optional.ofNullable(e.path("id").textValue()).orElse(at), text(src, e, at + ".image"),
          status, completed));
    }
    JsonNode window = root.path("overlap_window");
    boolean open = false;
    if (!window.isMissingNode()) {
      JsonNode o = window.path("open");
      if (!o.isBoolean()) {
        throw new HarnessInputException(src, "field overlap_window.open must be true or false");
      }
      open = o.booleanValue();
    }
    return new DeployDescriptor(src, text(src, root, "service.name"), text(src, root, "service.image"),
        text(src, root, "migrate_job.name"), text(src, root, "migrate_job.image"), executions, open);
  }

  private static String text(String src, JsonNode node, String path) {
    JsonNode n = node;
    for (String part : path.substring(path.lastIndexOf(']') + 1).replaceFirst("^\\.", "").split("\\.")) {
      n = n.path(part);
    }
    if (n.isMissingNode() || n.isNull()) {
      throw new HarnessInputException(src, "field " + path + " is missing");
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new HarnessInputException(src, "field " + path + " must be a non-empty string");
    }
    return n.asText();
  }
}
