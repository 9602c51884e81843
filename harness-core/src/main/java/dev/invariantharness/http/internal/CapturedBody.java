package dev.invariantharness.http.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The status, headers and first bytes of one response, kept where the deadline can read them: a
 * peer that answers and then stalls mid-body (an event stream, a slow drip) still yields its
 * status and what it sent. Past the limit the subscription is cancelled and the body marked
 * truncated; a limit of 0 ends the exchange with the headers.
 */
public final class CapturedBody implements HttpResponse.BodyHandler<CapturedBody> {

  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");

  private final int limit;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int status;
  private HttpHeaders headers;
  private boolean truncated;

  /** A capture keeping at most {@code limit} body bytes. */
  public CapturedBody(int limit) {
    this.limit = limit;
  }

  /** What was captured so far, consistent at one instant. */
  public record Snapshot(int status, Map<String, List<String>> headers, String body, boolean truncated) {}

  /** The status and headers (status 0 before they arrived) and the body read so far. */
  public synchronized Snapshot snapshot() {
    Map<String, List<String>> h = headers == null ? Map.of() : headers.map();
    return new Snapshot(status, h, new String(out.toByteArray(), charset(h)), truncated);
  }

  @Override
  public HttpResponse.BodySubscriber<CapturedBody> apply(HttpResponse.ResponseInfo info) {
    synchronized (this) {
      status = info.statusCode();
      headers = info.headers();
    }
    return new Subscriber();
  }

  private synchronized boolean keep(ByteBuffer b) {
    int n = Math.min(limit - out.size(), b.remaining());
    byte[] chunk = new byte[n];
    b.get(chunk);
    out.write(chunk, 0, n);
    if (b.hasRemaining()) {
      truncated = true;
    }
    return !truncated;
  }

  private final class Subscriber implements HttpResponse.BodySubscriber<CapturedBody> {
    private final CompletableFuture<CapturedBody> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<CapturedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (limit == 0) {
        // Headers only: an event stream never completes, and its headers are the whole answer.
        s.cancel();
        result.complete(CapturedBody.this);
        return;
      }
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        if (!keep(b)) {
          subscription.cancel();
          result.complete(CapturedBody.this);
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
      result.complete(CapturedBody.this);
    }
  }

  private static Charset charset(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase("content-type") && !e.getValue().isEmpty()) {
        Matcher m = CHARSET.matcher(e.getValue().get(0));
        if (m.find()) {
          try {
            return Charset.forName(m.group(1));
          } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
          }
        }
      }
    }
    return StandardCharsets.UTF_8;
  }
}
