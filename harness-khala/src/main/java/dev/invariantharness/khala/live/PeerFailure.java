package dev.invariantharness.khala.live;

/**
 * A Khala peer misbehaved at the protocol level: it went silent, closed mid-stream, sent a
 * malformed or oversized message, or a frame for a topic nobody subscribed to. An
 * {@link AssertionError}, so a check fails with a message — never a hang. The message names the
 * peer (scheme, host, port and path; never the query, which may carry a token), what was
 * expected and what was seen.
 */
public class PeerFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public PeerFailure(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public PeerFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
