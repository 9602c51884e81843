package dev.invariantharness.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.freeze.internal.WriteOrder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes to one resource are probed one after another, writes to different resources in
 * parallel: a PATCH and a DELETE on one id must not race, or a DELETE that lands first turns the
 * PATCH into a 404 and hides whether the PATCH went through.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SameResourceWritesTest {

  static final String NESTED = "{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"frozen\"}}";

  /**
   * A legacy store of runs whose PATCH takes a while and looks the run up only when it is done
   * (as a handler that validates, then loads, then saves): a DELETE of the same run sent beside
   * it wins the race every time.
   */
  static final class RunStore implements AutoCloseable {
    final HttpServer server;
    final ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "run-store");
      t.setDaemon(true);
      return t;
    });
    final Map<String, String> runs = new ConcurrentHashMap<>();
    final List<String> log = new CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile boolean frozen;
    /** Methods that ignore the freeze: the defect under test. */
    volatile Set<String> leaks = Set.of();

    RunStore() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.setExecutor(pool);
      server.createContext("/", ex -> {
        try (ex) {
          int now = inFlight.incrementAndGet();
          maxInFlight.accumulateAndGet(now, Math::max);
          String method = ex.getRequestMethod();
          String path = ex.getRequestURI().getPath();
          ex.getRequestBody().readAllBytes();
          log.add("start " + method + " " + path);
          int status;
          String body;
          if (method.equals("GET") && path.equals("/api/v1/runs")) {
            status = 200;
            body = "{\"runs\":\"" + new java.util.TreeMap<>(runs) + "\"}";
          } else if (frozen && !leaks.contains(method)) {
            status = 410;
            body = NESTED;
          } else {
            if (method.equals("PATCH") || path.endsWith("/slow")) {
              Thread.sleep(150);
            }
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (method.equals("PUT")) {
              runs.put(id, "put");
              status = 200;
            } else if (method.equals("PATCH")) {
              status = runs.replace(id, "patched") != null ? 200 : 404;
            } else if (method.equals("DELETE")) {
              status = runs.remove(id) != null ? 204 : 404;
            } else {
              status = 201;
            }
            body = status == 404 ? "{\"error\":{\"code\":\"not_found\",\"message\":\"no run " + id + "\"}}" : "";
          }
          log.add("end " + method + " " + path);
          inFlight.decrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
              out.write(bytes);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
    }

    URI baseUrl() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  RunStore store;
  AuthorityService legacy;

  @BeforeEach
  void start() throws Exception {
    store = new RunStore();
    store.runs.put("run-1", "seeded");
    legacy = AuthorityService.legacy(store.baseUrl()).withTimeout(Duration.ofSeconds(5))
        .withWriteRoutes(WriteRoutes.of("DELETE /api/v1/runs/{id}", "PATCH /api/v1/runs/{id}").stream()
            .map(r -> r.withPathParams(Map.of("id", "run-1"))).toList())
        .withReadPaths("/api/v1/runs");
  }

  @AfterEach
  void stop() {
    store.close();
  }

  @Test
  void aPatchAndADeleteOnOneIdThatBothGoThroughWhileFrozenAreBothReportedAsAccepted() {
    store.frozen = true;
    store.leaks = Set.of("PATCH", "DELETE");
    assertThatThrownBy(() -> assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("INV-05 violated: 2 finding(s)")
        .hasMessageContaining("PATCH /api/v1/runs/{id}: accepted the write with 200 although the legacy with"
            + " LEGACY_RUNTIME_WRITE_FREEZE on must refuse it with 410 write_path_frozen")
        .hasMessageContaining("DELETE /api/v1/runs/{id}: accepted the write with 204")
        .hasMessageNotContaining("answered 404");
    assertThat(store.log).containsSubsequence("end PATCH /api/v1/runs/run-1", "start DELETE /api/v1/runs/run-1");
  }

  @Test
  void anUnfrozenLegacyAcceptsAPatchAndThenADeleteOfTheSameRunEveryTime() {
    for (int round = 0; round < 3; round++) {
      store.runs.put("run-1", "seeded");
      assertThat(legacy).withWriteFreeze(false).acceptsAuthorityWrites().andAppliesThem();
    }
    assertThat(store.runs).doesNotContainKey("run-1");
  }

  @Test
  void aFrozenLegacyThatRefusesBothPasses() {
    store.frozen = true;
    assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites();
  }

  @Test
  void writesToDifferentResourcesStillOverlap() {
    AuthorityService wide = legacy.withWriteRoutes(WriteRoutes.of("POST /api/v1/runs/a/slow", "POST /api/v1/runs/b/slow",
        "POST /api/v1/runs/c/slow", "POST /api/v1/runs/d/slow"));
    long start = System.nanoTime();
    assertThat(wide).withWriteFreeze(false).acceptsAuthorityWrites();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(store.maxInFlight.get()).isGreaterThanOrEqualTo(2);
    // four 150 ms writes to four resources: well under the 600 ms they would take one by one
    assertThat(took).isLessThan(Duration.ofMillis(550));
  }

  @Test
  void aRouteTouchesTheResourceNamedUpToItsLastPathParameter() {
    Map<String, String> ids = Map.of("run_id", "run-1", "worker_id", "w-1");
    assertThat(WriteOrder.resourceOf(WriteRoute.parse("POST /runs/{run_id}/events").withPathParams(ids))).isEqualTo("/runs/run-1");
    assertThat(WriteOrder.resourceOf(WriteRoute.parse("PATCH /runs/{run_id}").withPathParams(ids))).isEqualTo("/runs/run-1");
    assertThat(WriteOrder.resourceOf(WriteRoute.parse("POST /runs"))).isEqualTo("/runs");
    assertThat(WriteOrder.resourceOf(WriteRoute.parse("POST /workers/{worker_id}/status").withPathParams(ids)))
        .isEqualTo("/workers/w-1");
    assertThat(WriteOrder.resourceOf(WriteRoute.parse("DELETE /runs/run-1"))).isEqualTo("/runs/run-1");
  }

  @Test
  void routesOfOneResourceFormOneChainWithDeletesLast() {
    List<WriteRoute> routes = WriteRoutes.of("DELETE /runs/{id}", "POST /runs", "PATCH /runs/{id}", "POST /runs/{id}/events",
        "POST /workers/{id}/heartbeat", "PUT /runs/{id}");
    assertThat(WriteOrder.chains(routes)).containsExactly(List.of(2, 3, 5, 0), List.of(1), List.of(4));
  }
}
