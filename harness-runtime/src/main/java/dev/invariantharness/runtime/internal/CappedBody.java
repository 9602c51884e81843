package dev.invariantharness.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read up to a byte limit: a check needs the first bytes of a health document,
 * an error body or an HTML page, and a peer that streams without end must not fill the heap. Past
 * the limit the subscription is cancelled and the body is marked truncated.
 *
 * @param bytes the bytes read, at most the limit
 * @param truncated whether the peer sent more than the limit
 */
public record CappedBody(byte[] bytes, boolean truncated) {

  /**
   * A body handler for UTF-8 text of at most {@code limit} bytes; a cut body ends with a note
   * saying so, so a message quoting it never passes a fragment off as the whole answer.
   */
  public static HttpResponse.BodyHandler<String> textHandler(int limit) {
    return info -> HttpResponse.BodySubscribers.mapping(new Subscriber(limit),
        body -> body.text() + (body.truncated() ? "… (body cut at " + limit + " bytes)" : ""));
  }

  /** The bytes as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A body handler that keeps at most {@code limit} bytes. */
  public static HttpResponse.BodyHandler<CappedBody> handler(int limit) {
    return info -> new Subscriber(limit);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<CappedBody> {
    private final int limit;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<CappedBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    Subscriber(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<CappedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        int room = limit - out.size();
        int n = Math.min(room, b.remaining());
        byte[] chunk = new byte[n];
        b.get(chunk);
        out.write(chunk, 0, n);
        if (b.hasRemaining()) {
          subscription.cancel();
          result.complete(new CappedBody(out.toByteArray(), true));
          return;
        }
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(new CappedBody(out.toByteArray(), false));
    }
  }
}
