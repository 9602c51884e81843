package dev.invariantharness.runtime.smoke;

import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import dev.invariantharness.runtime.WriteMode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ServiceSmokeAssertTest {

  static final String TOKEN = "smoke-access-7c2e91d4b5";

  StubService stub;

  @BeforeEach
  void start() throws IOException {
    stub = new StubService();
  }

  @AfterEach
  void stop() {
    stub.close();
  }

  ServiceSmoke service() {
    return ServiceSmoke.against(stub.baseUrl(), Duration.ofSeconds(5));
  }

  @Nested
  class Readiness {

    @Test
    void aHealthyReadyServicePasses() {
      stub.healthy();
      assertThatCode(() -> assertThat(service()).isReady()).doesNotThrowAnyException();
    }

    @Test
    void plainTextHealthBodiesPass() {
      stub.on("/healthz", 200, "text/plain", "ok").on("/readyz", 204, "text/plain", "");
      assertThatCode(() -> assertThat(service()).isReady()).doesNotThrowAnyException();
    }

    @Test
    void aReadyz503IsAnInv08ViolationShowingTheStatusAndBody() {
      stub.healthy().on("/readyz", 503, "application/json", "{\"status\":\"not_ready\",\"static_dir\":\"/srv\"}");
      assertThatThrownBy(() -> assertThat(service()).isReady())
          .isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-08 violated: 1 finding(s)")
          .hasMessageContaining("GET /readyz: expected 2xx, saw 503: {\"status\":\"not_ready\",\"static_dir\":\"/srv\"} (application/json)");
    }

    @Test
    void a200ThatSaysNotReadyIsCaught() {
      stub.healthy().on("/readyz", 200, "application/json", "{\"status\":\"ready\",\"authority_ready\":true,\"projector_ready\":false}");
      assertThatThrownBy(() -> assertThat(service()).isReady())
          .hasMessageContaining("GET /readyz: answered 200 but reports projector_ready=false");
      stub.on("/healthz", 200, "application/json", "{\"status\":\"degraded\"}");
      assertThatThrownBy(() -> assertThat(service()).isReady())
          .hasMessageContaining("GET /healthz: answered 200 but reports status \"degraded\"");
    }

    @Test
    void aJsonContentTypeWithABrokenBodyIsCaught() {
      stub.healthy().on("/healthz", 200, "application/json", "<html>ok</html>");
      assertThatThrownBy(() -> assertThat(service()).isReady())
          .hasMessageContaining("GET /healthz: answered 200 with Content-Type application/json but a body that is not JSON");
    }

    @Test
    void aServiceThatIsDownIsNoResponseNotAnException() throws IOException {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      ServiceSmoke down = ServiceSmoke.against(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
      assertThatThrownBy(() -> assertThat(down).isReady())
          .hasMessageStartingWith("INV-08 violated: 2 finding(s)")
          .hasMessageContaining("GET /healthz: no response: connection refused");
    }

    @Test
    void aHungPeerFailsWithinTheTimeout() {
      CountDownLatch release = new CountDownLatch(1);
      stub.healthy().on("/readyz", ex -> {
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      ServiceSmoke quick = ServiceSmoke.against(stub.baseUrl(), Duration.ofMillis(300));
      long start = System.nanoTime();
      try {
        assertThatThrownBy(() -> assertThat(quick).isReady())
            .hasMessageContaining("GET /readyz: no response: no complete response within 300 ms");
      } finally {
        release.countDown();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anEndlessBodyIsCappedAndStillJudged() {
      stub.healthy().on("/healthz", ex -> {
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, 0);
        byte[] chunk = "ok ".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
          while (true) {
            out.write(chunk);
          }
        } catch (IOException clientWentAway) {
          // the probe stopped reading at its cap
        }
      });
      assertThatCode(() -> assertThat(service()).isReady()).doesNotThrowAnyException();
    }
  }

  @Nested
  class WriteModeReport {

    @Test
    void aConsistentWriteModePasses() {
      stub.on("/healthz", 200, "application/json",
          "{\"status\":\"ok\",\"authority_write_mode\":\"shadow_only\",\"authority_writer_active\":false}");
      assertThatCode(() -> assertThat(service()).reportsWriteMode()).doesNotThrowAnyException();
      assertThatCode(() -> assertThat(service()).reportsWriteMode(WriteMode.SHADOW_ONLY, WriteMode.READ_ONLY))
          .doesNotThrowAnyException();
    }

    @Test
    void aHealthWithoutWriteModeIsAnInv05Violation() {
      stub.on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"service\":\"runtime\"}");
      assertThatThrownBy(() -> assertThat(service()).reportsWriteMode())
          .isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-05 violated")
          .hasMessageContaining("GET /healthz: reports no authority_write_mode: {\"status\":\"ok\",\"service\":\"runtime\"}");
    }

    @Test
    void aWriterActiveThatContradictsTheModeIsCaught() {
      stub.on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"authority_write_mode\":\"read_only\",\"authority_writer_active\":true}");
      assertThatThrownBy(() -> assertThat(service()).reportsWriteMode())
          .hasMessageContaining("reports authority_writer_active=true with authority_write_mode read_only; only rust_active writes");
    }

    @Test
    void anUnknownOrUnexpectedModeIsCaught() {
      stub.on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"authority_write_mode\":\"legacy\"}");
      assertThatThrownBy(() -> assertThat(service()).reportsWriteMode())
          .hasMessageContaining("reports authority_write_mode \"legacy\"; expected one of rust_active, shadow_only, read_only");
      stub.on("/healthz", 200, "application/json", "{\"status\":\"ok\",\"authority_write_mode\":\"SHADOW_ONLY\"}");
      assertThatThrownBy(() -> assertThat(service()).reportsWriteMode(WriteMode.RUST_ACTIVE))
          .hasMessageContaining("reports authority_write_mode shadow_only; this environment expects rust_active");
    }
  }

  @Nested
  class Reads {

    @Test
    void aJson404FromTheStoreIsAWorkingRead() {
      stub.on("/internal/v1/runs/probe", 404, "application/json", "{\"error\":\"not_found\"}");
      assertThatCode(() -> assertThat(service()).servesRead("/internal/v1/runs/probe")).doesNotThrowAnyException();
    }

    @Test
    void aFrozenReadIsCaught() {
      stub.on("/internal/v1/runs/probe", 503, "application/json", "{\"error\":\"write_path_frozen\",\"message\":\"frozen\"}");
      assertThatThrownBy(() -> assertThat(service()).servesRead("/internal/v1/runs/probe"))
          .hasMessageStartingWith("INV-08 violated")
          .hasMessageContaining("answered 503 write_path_frozen to a read; reads must keep working while writes are frozen");
    }

    @Test
    void aMissingRouteIsNotARead() {
      assertThatThrownBy(() -> assertThat(service()).servesRead("/internal/v1/runs/probe"))
          .hasMessageContaining("GET /internal/v1/runs/probe: expected 2xx (or 404 with a JSON body), saw 404: <h1>not found</h1>");
    }
  }

  @Nested
  class Auth {

    @BeforeEach
    void routes() {
      stub.on("/api/auth/session", ex -> {
        boolean ok = ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
        StubService.send(ex, ok ? 200 : 401, "application/json", ok ? "{\"session\":{\"user_id\":\"u1\"}}" : "{\"error\":\"unauthorized\"}");
      });
      stub.on("/api/sync/token", 200, "application/json",
          "{\"data\":{\"token\":\"eyJhbGciOiJIUzI1NiJ9.minted.sig\",\"token_type\":\"Bearer\",\"expires_in\":300}}");
    }

    @Test
    void theTokenOpensASessionAndMintsASyncToken() {
      assertThatCode(() -> assertThat(service().withAccessToken(TOKEN)).acceptsAccessTokenAt("/api/auth/session")
          .issuesSyncToken(List.of("runtime.codex_worker_events"), "device-1")).doesNotThrowAnyException();
    }

    @Test
    void aRejectedTokenIsCaughtWithoutShowingIt() {
      assertThatThrownBy(() -> assertThat(service().withAccessToken("wrong-token-123456")).acceptsAccessTokenAt("/api/auth/session"))
          .hasMessageStartingWith("INV-08 violated")
          .hasMessageContaining("GET /api/auth/session: expected 2xx, saw 401")
          .hasMessageNotContaining("wrong-token-123456");
    }

    @Test
    void aServiceEchoingTheTokenFailsAndTheMessageNeverHoldsIt() {
      stub.on("/api/auth/session", 200, "application/json", "{\"session\":{\"user_id\":\"u1\"},\"you_sent\":\"" + TOKEN + "\"}",
          "X-Debug-Echo", "seen " + TOKEN);
      assertThatThrownBy(() -> assertThat(service().withAccessToken(TOKEN)).acceptsAccessTokenAt("/api/auth/session"))
          .hasMessageContaining("GET /api/auth/session: echoes the access token back in body, header x-debug-echo")
          .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aMintWithoutATokenIsCaught() {
      stub.on("/api/sync/token", 200, "application/json", "{\"data\":{\"expires_in\":300}}");
      assertThatThrownBy(() -> assertThat(service().withAccessToken(TOKEN)).issuesSyncToken(List.of("s"), "d"))
          .hasMessageContaining("POST /api/sync/token: answered 200 without a non-blank \"token\" (top level or under \"data\")");
    }

    @Test
    void aResponseNeverPrintsItsAuthorizationHeader() {
      SmokeResponse r = service().withAccessToken(TOKEN).getAuthenticated("/api/auth/session");
      assertThat(r.requestHeaders().get("Authorization")).containsExactly("Bearer " + TOKEN);
      assertThat(r).hasToString("GET /api/auth/session -> 200");
    }

    @Test
    void mintedTokensAreRedactedFromThenOn() {
      ServiceSmoke s = service().withAccessToken(TOKEN);
      assertThat(s).issuesSyncToken(List.of("runtime.codex_worker_events"), "device-1");
      assertThat(s.redact("got eyJhbGciOiJIUzI1NiJ9.minted.sig and " + TOKEN)).doesNotContain("minted").doesNotContain(TOKEN);
    }

    @Test
    void theTokenIsNeverSentOverPlainHttpToARemoteHost() {
      ServiceSmoke remote = ServiceSmoke.against(URI.create("http://staging.example.invalid"), Duration.ofSeconds(1)).withAccessToken(TOKEN);
      assertThatThrownBy(() -> assertThat(remote).acceptsAccessTokenAt("/api/auth/session"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("refusing to send the access token over plain http to staging.example.invalid; use an https base URL"
              + " (plain http is allowed on loopback only)");
      ServiceSmoke lookalike = ServiceSmoke.against(URI.create("http://127.example.invalid"), Duration.ofSeconds(1)).withAccessToken(TOKEN);
      assertThatThrownBy(() -> assertThat(lookalike).issuesSyncToken(List.of("s"), "d"))
          .hasMessageContaining("refusing to send the access token over plain http to 127.example.invalid");
    }

    @Test
    void aRedirectShowsWhereItPoints() {
      stub.on("/api/auth/session", 302, "text/html", "", "Location", "https://login.example.com/?next=/api/auth/session");
      assertThatThrownBy(() -> assertThat(service().withAccessToken(TOKEN)).acceptsAccessTokenAt("/api/auth/session"))
          .hasMessageContaining("GET /api/auth/session: expected 2xx, saw 302: empty body (text/html) (Location: https://login.example.com/?next=/api/auth/session)");
    }

    @Test
    void authAssertionsWithoutATokenAreAProgrammingErrorNotASkip() {
      assertThatThrownBy(() -> assertThat(service()).acceptsAccessTokenAt("/api/auth/session"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SmokeTarget.requireAccessToken()");
    }
  }
}
