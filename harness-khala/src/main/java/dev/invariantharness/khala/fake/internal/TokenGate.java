package dev.invariantharness.khala.fake.internal;

import java.io.IOException;
import java.util.function.Predicate;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Refuses a channel-socket upgrade whose {@code token} query parameter is missing or wrong with
 * {@code 403}, before Tyrus sees it — as the real channel does at the upgrade.
 */
final class TokenGate extends BaseFilter implements AddOn {

  private final String path;
  private final Predicate<String> accepts;

  TokenGate(String path, Predicate<String> accepts) {
    this.path = path;
    this.accepts = accepts;
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int http = builder.indexOfType(HttpServerFilter.class);
    if (http >= 0) {
      builder.add(http, this);
    }
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    Object message = ctx.getMessage();
    if (message instanceof HttpContent content && content.getHttpHeader() instanceof HttpRequestPacket request
        && request.getUpgrade() != null && path.equals(request.getRequestURI()) && !accepts.test(token(request.getQueryString()))) {
      HttpResponsePacket response = request.getResponse();
      response.setStatus(403);
      response.setReasonPhrase("Forbidden");
      response.setContentLength(0);
      response.getHeaders().setValue("Connection").setString("close");
      ctx.write(HttpContent.builder(response).last(true).build());
      return ctx.getStopAction();
    }
    return ctx.getInvokeAction();
  }

  private static String token(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("token=")) {
        return java.net.URLDecoder.decode(pair.substring(6), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
