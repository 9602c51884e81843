package dev.invariantharness.runtime.freeze.internal;

/**
 * One request to send.
 *
 * @param method the HTTP method
 * @param path the path (and query) below the service's base URL
 * @param body the JSON body; empty for none
 */
public record ProbeRequest(String method, String path, String body) {

  /** A GET of {@code path}. */
  public static ProbeRequest get(String path) {
    return new ProbeRequest("GET", path, "");
  }
}
