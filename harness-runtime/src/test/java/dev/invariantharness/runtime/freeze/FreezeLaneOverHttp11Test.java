package dev.invariantharness.runtime.freeze;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The freeze checks against a real Node legacy service that serves WebSockets the common way (an
 * {@code upgrade} listener): it takes every request carrying {@code Upgrade: h2c} -- what the
 * JDK client sends by default over plain {@code http://} -- for a failed WebSocket handshake and
 * answers 404. Over HTTP/1.1, the harness's default, a correct frozen service is GO and a leaky
 * one is NO-GO for the right reason; over HTTP/2 the same correct service would be misjudged.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FreezeLaneOverHttp11Test {

  /** A started Node legacy service; closing ends the process. */
  record NodeLegacy(Process process, URI baseUrl) implements AutoCloseable {
    static NodeLegacy start(boolean frozen, boolean leaky) throws Exception {
      Path script = Path.of(FreezeLaneOverHttp11Test.class.getResource("/freeze/ws-style-legacy.js").toURI());
      ProcessBuilder pb = new ProcessBuilder("node", script.toString(), leaky ? "leaky" : "correct")
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("LEGACY_RUNTIME_WRITE_FREEZE", frozen ? "on" : "off");
      Process node = pb.start();
      BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
      String first;
      try {
        first = CompletableFuture.supplyAsync(() -> {
          try {
            return out.readLine();
          } catch (java.io.IOException e) {
            return null;
          }
        }).get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        node.destroyForcibly();
        throw new IllegalStateException("the Node legacy service did not announce its port within 20 s", e);
      }
      Matcher port = Pattern.compile("\"port\":(\\d+)").matcher(String.valueOf(first));
      if (!port.find()) {
        node.destroyForcibly();
        throw new IllegalStateException("the Node legacy service said " + first + " instead of its port");
      }
      return new NodeLegacy(node, URI.create("http://127.0.0.1:" + port.group(1)));
    }

    AuthorityService asLegacy() {
      return AuthorityService.legacy(baseUrl).withTimeout(Duration.ofSeconds(3))
          .withWriteRoutes(WriteRoutes.of("POST /api/v1/runs", "PATCH /api/v1/runs/{id}", "DELETE /api/v1/runs/{id}"))
          .withReadPaths("/api/v1/runs");
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void aCorrectlyFrozenNodeLegacyIsGoOverHttp11() throws Exception {
    try (NodeLegacy node = NodeLegacy.start(true, false)) {
      AuthorityService legacy = node.asLegacy();
      assertThat(legacy.httpVersion()).isEqualTo(HttpClient.Version.HTTP_1_1);
      assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites().keepsServingReads().reportsItsWriteFreeze();
    }
  }

  @Test
  void overHttp2TheSameCorrectServiceWouldBeMisjudgedAsAnsweringEveryRequestWith404() throws Exception {
    try (NodeLegacy node = NodeLegacy.start(true, false)) {
      AuthorityService overH2c = node.asLegacy().withHttpVersion(HttpClient.Version.HTTP_2);
      assertThatThrownBy(() -> assertThat(overH2c).withWriteFreeze(true).rejectsAuthorityWrites())
          .as("the defect HTTP/1.1 by default avoids: the Upgrade: h2c offer meets the upgrade listener")
          .isInstanceOf(InvariantViolation.class)
          .hasMessageContaining("GET /api/v1/runs: answered 404");
    }
  }

  @Test
  void aNodeLegacyThatAppliesWritesWhileReportingItsFreezeIsNoGoForTheWritesThatWentThrough() throws Exception {
    try (NodeLegacy node = NodeLegacy.start(true, true)) {
      assertThatThrownBy(() -> assertThat(node.asLegacy()).withWriteFreeze(true).rejectsAuthorityWrites())
          .isInstanceOf(InvariantViolation.class)
          .hasMessageStartingWith("INV-05 violated: 3 finding(s)")
          .hasMessageContaining("POST /api/v1/runs: accepted the write with 201 although the legacy with"
              + " LEGACY_RUNTIME_WRITE_FREEZE on must refuse it with 410 write_path_frozen")
          .hasMessageContaining("PATCH /api/v1/runs/{id}: accepted the write with 201")
          .hasMessageContaining("DELETE /api/v1/runs/{id}: accepted the write with 201")
          .hasMessageNotContaining("404");
    }
  }

  @Test
  void anUnfrozenNodeLegacyAcceptsAndAppliesEveryWriteOverHttp11() throws Exception {
    try (NodeLegacy node = NodeLegacy.start(false, false)) {
      assertThat(node.asLegacy()).withWriteFreeze(false).acceptsAuthorityWrites().andAppliesThem().reportsItsWriteFreeze();
    }
  }
}
