package dev.invariantharness.examples.runtime.freeze;

import dev.invariantharness.runtime.WriteMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Switches each reference service on its own through its admin hook over HTTP, as a redeploy with
 * other environment variables would: {@link #runtimeMode} is a
 * {@link dev.invariantharness.runtime.freeze.RuntimeModeSwitch}, {@link #legacyFreeze} a
 * {@link dev.invariantharness.runtime.freeze.LegacyFreezeSwitch}; {@code ModeSwitch.of} combines
 * them for the drill in the safe order.
 */
final class AdminModeSwitch {

  private final HttpClient client;
  private final URI runtime;
  private final URI legacy;
  private final Duration timeout;

  AdminModeSwitch(URI runtime, URI legacy, Duration timeout) {
    this.runtime = runtime;
    this.legacy = legacy;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** Puts the runtime in {@code mode}. */
  void runtimeMode(WriteMode mode) throws IOException, InterruptedException {
    post(runtime.resolve("/admin/write-mode"), ReferenceRuntimeService.ADMIN_TOKEN, "{\"mode\":\"" + mode.wireName() + "\"}", "runtime");
  }

  /** Turns the legacy write freeze on or off. */
  void legacyFreeze(boolean frozen) throws IOException, InterruptedException {
    post(legacy.resolve("/admin/write-freeze"), ReferenceLegacyService.ADMIN_TOKEN, "{\"frozen\":" + frozen + "}", "legacy");
  }

  private void post(URI uri, String token, String body, String side) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(timeout)
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 204) {
      throw new IllegalStateException("the " + side + " admin hook answered " + r.statusCode() + " to " + body);
    }
  }
}
