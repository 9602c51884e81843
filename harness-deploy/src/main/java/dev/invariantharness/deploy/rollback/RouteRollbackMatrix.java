package dev.invariantharness.deploy.rollback;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The runbook's route-split rollback matrix as data. File form:
 * <pre>{@code
 * {"route_groups": [
 *   {"group": "auth", "new_target": "http://rust-control:8080", "legacy_target": "http://laravel:8000",
 *    "owner": "platform", "probes": [{"method": "GET", "path": "/api/auth/session"}]}
 * ]}
 * }</pre>
 * A group without a legacy target or owner is reported by {@link #completeness()} rather than
 * rejected, so one run names every gap; malformed fields are rejected with the field named.
 *
 * @param source where it was read from
 * @param groups every route group
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RouteRollbackMatrix(String source, List<RouteGroup> groups) {

  public RouteRollbackMatrix {
    groups = List.copyOf(groups);
  }

  /** Reads a matrix file. */
  public static RouteRollbackMatrix read(Path file) {
    JsonNode root;
    try {
      root = Json.strict().readTree(file.toFile());
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "is not readable JSON: " + e.getMessage());
    }
    String src = file.toString();
    JsonNode arr = root == null ? null : root.get("route_groups");
    if (arr == null || !arr.isArray()) {
      throw new HarnessInputException(src, "field route_groups is missing or not an array");
    }
    List<RouteGroup> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < arr.size(); i++) {
      JsonNode g = arr.get(i);
      String at = "route_groups[" + i + "]";
      String name = g.path("group").asText("");
      if (name.isBlank()) {
        throw new HarnessInputException(src, "field " + at + ".group is missing");
      }
      if (!names.add(name)) {
        throw new HarnessInputException(src, "field " + at + ".group repeats group " + name);
      }
      List<RouteGroup.Probe> probes = new ArrayList<>();
      JsonNode ps = g.path("probes");
      for (int k = 0; k < ps.size(); k++) {
        JsonNode p = ps.get(k);
        String path = p.path("path").asText("");
        if (!path.startsWith("/")) {
          throw new HarnessInputException(src, "field " + at + ".probes[" + k + "].path must start with /");
        }
        probes.add(new RouteGroup.Probe(p.path("method").asText("GET"), path,
            p.hasNonNull("body") ? p.get("body").toString() : null));
      }
      out.add(new RouteGroup(name, uri(src, at + ".new_target", g.path("new_target")),
          uri(src, at + ".legacy_target", g.path("legacy_target")), g.path("owner").asText(null), probes));
    }
    return new RouteRollbackMatrix(src, out);
  }

  private static URI uri(String src, String field, JsonNode n) {
    if (n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
      return null;
    }
    try {
      URI u = URI.create(n.asText());
      if (u.getHost() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))) {
        throw new IllegalArgumentException("not an http(s) URL with a host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new HarnessInputException(src, "field " + field + " '" + n.asText() + "' is not a valid URL: " + e.getMessage());
    }
  }

  /** Every group has a new target, a legacy rollback target, an owner and at least one probe. */
  public Findings completeness() {
    Findings f = Findings.of("INV-10", "every cutover route group has a rollback target and an owner");
    for (RouteGroup g : groups) {
      String where = source + "#" + g.group();
      if (g.newTarget() == null) {
        f.add(where, "route group " + g.group() + " has no new target");
      }
      if (g.legacyTarget() == null) {
        f.add(where, "route group " + g.group() + " has no legacy rollback target");
      }
      if (g.owner() == null || g.owner().isBlank()) {
        f.add(where, "route group " + g.group() + " has no owner");
      }
      if (g.probes().isEmpty()) {
        f.add(where, "route group " + g.group() + " has no probe request to show it is served");
      }
    }
    return f;
  }

  /** Passes when {@link #completeness()} found nothing. Returns {@code this}. */
  public RouteRollbackMatrix assertComplete() {
    completeness().assertNone();
    return this;
  }

  /** Every group's legacy target answers its probes (any status below 500) within {@code timeout}. */
  public Findings legacyTargetsAnswer(Duration timeout) {
    Findings f = Findings.of("INV-10", "every rollback target answers");
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    for (RouteGroup g : groups) {
      if (g.legacyTarget() == null) {
        continue;
      }
      for (RouteGroup.Probe p : g.probes()) {
        URI u = g.legacyTarget().resolve(p.path());
        try {
          HttpResponse<Void> r = http.send(HttpRequest.newBuilder(u).timeout(timeout)
              .method(p.method(), p.body() == null ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofString(p.body())).build(), HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() >= 500) {
            f.add(source + "#" + g.group(), "rollback target of " + g.group() + " answers " + p.method() + " " + p.path()
                + " with " + r.statusCode());
          }
        } catch (IOException e) {
          f.add(source + "#" + g.group(), "rollback target of " + g.group() + " does not answer " + p.method() + " "
              + u + ": " + e.getMessage());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
    return f;
  }
}
