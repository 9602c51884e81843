package dev.invariantharness.runtime.smoke.internal;

import dev.invariantharness.runtime.internal.CappedBody;
import dev.invariantharness.runtime.smoke.SmokeResponse;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one request with the whole exchange bounded: {@link HttpRequest#timeout} only covers the
 * wait for the response headers, so the body is read under the same overall deadline and capped
 * in size. A hung, slow-dripping or endless peer becomes a {@link SmokeResponse} with status 0
 * and a reason, never a hang.
 */
public final class BoundedHttp {

  private BoundedHttp() {}

  /** Sends {@code request}; the exchange ends within {@code limit}, the body within {@code maxBytes}. */
  public static SmokeResponse send(HttpClient client, HttpRequest request, String requestBody, Duration limit, int maxBytes) {
    long start = System.nanoTime();
    CompletableFuture<HttpResponse<CappedBody>> future = client.sendAsync(request, CappedBody.handler(maxBytes));
    try {
      HttpResponse<CappedBody> r = future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      CappedBody body = r.body();
      return new SmokeResponse(request.method(), request.uri(), request.headers().map(), requestBody, r.statusCode(),
          r.headers().map(), new String(body.bytes(), StandardCharsets.UTF_8), body.truncated(), since(start), "");
    } catch (TimeoutException e) {
      future.cancel(true);
      return failed(request, requestBody, start, "no complete response within " + limit.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpConnectTimeoutException) {
        return failed(request, requestBody, start, "could not connect within " + limit.toMillis() + " ms");
      }
      if (cause instanceof HttpTimeoutException) {
        return failed(request, requestBody, start, "no complete response within " + limit.toMillis() + " ms");
      }
      String what = cause.getMessage() == null || cause.getMessage().isBlank()
          ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
      return failed(request, requestBody, start, what);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return failed(request, requestBody, start, "interrupted");
    }
  }

  private static SmokeResponse failed(HttpRequest request, String requestBody, long start, String why) {
    return new SmokeResponse(request.method(), request.uri(), request.headers().map(), requestBody, 0, null, "", false,
        since(start), why);
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
