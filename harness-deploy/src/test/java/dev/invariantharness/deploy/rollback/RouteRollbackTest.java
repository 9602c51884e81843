package dev.invariantharness.deploy.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteRollbackTest {

  @TempDir Path dir;
  private final List<HttpServer> servers = new ArrayList<>();
  /** The front door's route table: group → target; the test's RouteSwitch edits it. */
  private final Map<String, URI> routes = new ConcurrentHashMap<>();

  @AfterEach
  void stop() {
    servers.forEach(s -> s.stop(0));
  }

  private URI backend(Function<String, String> bodyOf) throws Exception {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", ex -> {
      byte[] b = bodyOf.apply(ex.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  /** A front door that proxies /api/GROUP/... to the group's current target, 502 when that fails. */
  private URI frontDoor() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      String group = path.split("/")[2];
      int status;
      byte[] body;
      try {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(routes.get(group).resolve(path))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        body = r.body();
      } catch (Exception e) {
        status = 502;
        body = "{\"error\":\"bad_gateway\"}".getBytes(StandardCharsets.UTF_8);
      }
      ex.sendResponseHeaders(status, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    s.start();
    servers.add(s);
    return URI.create("http://127.0.0.1:" + s.getAddress().getPort());
  }

  private RouteRollbackMatrix matrix(URI fresh, URI legacy, String owner) throws Exception {
    Path f = dir.resolve("matrix.json");
    Files.writeString(f, "{\"route_groups\":[{\"group\":\"auth\",\"new_target\":\"" + fresh + "\",\"legacy_target\":\""
        + legacy + "\",\"owner\":" + (owner == null ? "null" : "\"" + owner + "\"") + ",\"probes\":[{\"method\":\"GET\","
        + "\"path\":\"/api/auth/session\"},{\"method\":\"GET\",\"path\":\"/api/auth/me\"}]}]}");
    return RouteRollbackMatrix.read(f);
  }

  private final RouteSwitch routeSwitch = (group, target) -> routes.put(group.group(), target);

  @Test
  void aRollbackServedTheSameModuloIgnoredFieldsPasses() throws Exception {
    URI fresh = backend(p -> "{\"path\":\"" + p + "\",\"user\":{\"id\":1,\"name\":\"ada\"},\"generated_at\":\"new\"}");
    // legacy: other key order, its own timestamp
    URI legacy = backend(p -> "{\"generated_at\":\"old\",\"user\":{\"name\":\"ada\",\"id\":1},\"path\":\"" + p + "\"}");
    RouteRollbackMatrix m = matrix(fresh, legacy, "platform").assertComplete();
    m.legacyTargetsAnswer(Duration.ofSeconds(2)).assertNone();
    RouteRollbackDrill.through(frontDoor(), routeSwitch).comparing(ServedComparison.json("/generated_at")).run(m).assertNone();
    assertThat(routes).containsEntry("auth", fresh);
  }

  @Test
  void aLegacyTargetThatServesDifferentlyIsInv10() throws Exception {
    URI fresh = backend(p -> "{\"path\":\"" + p + "\",\"scopes\":[\"a\",\"b\"]}");
    URI legacy = backend(p -> p.endsWith("/me") ? "{\"path\":\"" + p + "\",\"scopes\":[\"a\"]}" : "{\"path\":\"" + p + "\",\"scopes\":[\"a\",\"b\"]}");
    List<Finding> findings = RouteRollbackDrill.through(frontDoor(), routeSwitch).run(matrix(fresh, legacy, "platform")).list();
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.invariant()).isEqualTo("INV-10");
      assertThat(f.message()).startsWith("after rollback to " + legacy + ", GET /api/auth/me is served differently: body before rollback");
    });
  }

  @Test
  void aRollbackTargetThatDoesNotAnswerIsFoundTwice() throws Exception {
    URI fresh = backend(p -> "{}");
    URI gone = URI.create("http://127.0.0.1:9");
    RouteRollbackMatrix m = matrix(fresh, gone, "platform");
    assertThat(m.legacyTargetsAnswer(Duration.ofSeconds(2)).list()).hasSize(2)
        .allSatisfy(f -> assertThat(f.message()).startsWith("rollback target of auth does not answer GET"));
    assertThat(RouteRollbackDrill.through(frontDoor(), routeSwitch).run(m).list()).extracting(Finding::message)
        .contains("after rollback GET /api/auth/session fails with 502");
    assertThat(routes).containsEntry("auth", fresh);
  }

  @Test
  void aGroupWithoutOwnerOrRollbackTargetIsIncomplete() throws Exception {
    Path f = dir.resolve("m.json");
    Files.writeString(f, "{\"route_groups\":[{\"group\":\"domain\",\"new_target\":\"http://rust:8080\"}]}");
    assertThat(RouteRollbackMatrix.read(f).completeness().list()).extracting(Finding::message).containsExactly(
        "route group domain has no legacy rollback target", "route group domain has no owner",
        "route group domain has no probe request to show it is served");
  }

  @Test
  void aMalformedMatrixNamesTheField() throws Exception {
    Path f = dir.resolve("m.json");
    Files.writeString(f, "{\"route_groups\":[{\"group\":\"auth\",\"new_target\":\"not a url\"}]}");
    assertThatThrownBy(() -> RouteRollbackMatrix.read(f)).isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("route_groups[0].new_target");
  }
}
