package dev.invariantharness.khala.fake;

import java.util.Map;

/**
 * An extra plain-HTTP route on a {@link FakeSyncServer}'s port, e.g. a read-back endpoint or a
 * deliberately wrong SSE lane for a NO-GO proof.
 *
 * <pre>{@code
 * FakeSyncServer.builder()
 *     .http("GET", "/api/runs", call -> HttpRoute.Answer.json(200, "{\"runs\":[]}"))
 *     .start();
 * }</pre>
 */
@FunctionalInterface
public interface HttpRoute {

  /** Answers one request. Runs on a server worker thread; must not block for long. */
  Answer answer(Call call) throws Exception;

  /**
   * One request.
   *
   * @param method the method, upper case
   * @param path the path, without query
   * @param query the query parameters (first value of each)
   * @param headers the request headers, names lower case
   * @param body the request body as text
   */
  record Call(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {}

  /**
   * One answer.
   *
   * @param status the HTTP status
   * @param contentType the content type
   * @param body the body text
   */
  record Answer(int status, String contentType, String body) {

    /** A JSON answer. */
    public static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }

    /** A plain-text answer. */
    public static Answer text(int status, String body) {
      return new Answer(status, "text/plain; charset=utf-8", body);
    }
  }
}
