package dev.invariantharness.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.ws.KhalaSurface;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The budget, as a guard rather than a benchmark: 1,000 scenario steps, each on HTTP,
 * gRPC and WebSocket (3,000 calls, 2,000 comparisons) against the local stack within 20 s.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThroughputTest {

  @Test
  void aThousandStepsOnThreeSurfacesRunWithinTwentySeconds() throws Exception {
    try (NotesStack stack = new NotesStack();
        HttpJsonSurface http = HttpJsonSurface.at("http", stack.httpBase()).route("CreateNote", "POST", "/v1/notes")
            .route("GetNote", "GET", "/v1/notes/{noteId}");
        GrpcSurface grpc = GrpcSurface.over("grpc", stack.channel()).closingChannel();
        KhalaSurface ws = KhalaSurface.channel("ws", stack.channelUri(), NotesStack.timeout()).await("GetNote", NotesStack.TOPIC, "/noteId")) {
      Scenario.Builder b = Scenario.named("throughput").volatileFields("/updatedAt")
          .step("create", s -> s.operation("CreateNote").on("http").input("{\"title\":\"t\",\"tags\":[\"a\"]}").capture("noteId", "/noteId"));
      for (int i = 1; i < 1_000; i++) {
        b.step("read " + i, s -> s.operation("GetNote").on("grpc", "http", "ws").input("{\"noteId\":\"${noteId}\"}"));
      }
      Scenario scenario = b.build();
      long start = System.nanoTime();
      ParityReport report = SurfaceParity.of(scenario, NotesStack.contract(), http, grpc, ws).run();
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(report.findings()).isEmpty();
      assertThat(report.rows()).hasSize(1 + 999 * 2);
      System.out.println("[throughput] 1000 steps on http, grpc and ws: " + ms + " ms");
      assertThat(ms).isLessThan(20_000);
    }
  }
}
