package dev.invariantharness.runtime.freeze.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read as UTF-8 text up to a byte limit: past it the rest is not read (the
 * subscription is cancelled) and the text ends with a note. A peer that streams an endless body
 * costs bounded memory, and the check still sees the start of what it said.
 */
final class CappedBody implements HttpResponse.BodySubscriber<String> {

  /** Bytes kept per response body. */
  static final int LIMIT = 64 * 1024;

  private final int limit;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  CappedBody(int limit) {
    this.limit = limit;
  }

  /** A body handler with the default limit. */
  static HttpResponse.BodyHandler<String> handler() {
    return info -> new CappedBody(LIMIT);
  }

  @Override
  public CompletionStage<String> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int take = Math.min(b.remaining(), limit - bytes.size());
      byte[] chunk = new byte[take];
      b.get(chunk);
      bytes.write(chunk, 0, take);
      if (bytes.size() >= limit && b.hasRemaining()) {
        subscription.cancel();
        result.complete(text() + "… (body cut at " + limit + " bytes)");
        return;
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(text());
  }

  private String text() {
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }
}
