package dev.invariantharness.examples.runtime.freeze;

import dev.invariantharness.runtime.freeze.CutoverStep;
import dev.invariantharness.runtime.freeze.ModeSwitch;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Switches the reference services through their admin hooks over HTTP, in the safe order: the
 * side giving up authority is frozen before the other one starts writing, so no moment has two
 * writers.
 */
final class AdminModeSwitch implements ModeSwitch {

  private final HttpClient client;
  private final URI runtime;
  private final URI legacy;
  private final Duration timeout;

  AdminModeSwitch(URI runtime, URI legacy, Duration timeout) {
    this.runtime = runtime;
    this.legacy = legacy;
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public void switchTo(CutoverStep step) throws IOException, InterruptedException {
    if (step.runtimeMode().acceptsWrites()) {
      legacyFreeze(step.legacyFrozen());
      runtimeMode(step);
    } else {
      runtimeMode(step);
      legacyFreeze(step.legacyFrozen());
    }
  }

  private void runtimeMode(CutoverStep step) throws IOException, InterruptedException {
    post(runtime.resolve("/admin/write-mode"), ReferenceRuntimeService.ADMIN_TOKEN,
        "{\"mode\":\"" + step.runtimeMode().wireName() + "\"}", "runtime");
  }

  private void legacyFreeze(boolean frozen) throws IOException, InterruptedException {
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
