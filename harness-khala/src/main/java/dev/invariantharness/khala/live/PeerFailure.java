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

  private final boolean closedByPeer;

  /** A failure described by {@code message}. */
  public PeerFailure(String message) {
    this(message, null, false);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public PeerFailure(String message, Throwable cause) {
    this(message, cause, false);
  }

  /**
   * A failure described by {@code message}; {@code closedByPeer} when the peer closed the
   * connection (a client may resume), as opposed to sending something wrong.
   */
  public PeerFailure(String message, Throwable cause, boolean closedByPeer) {
    super(scrub(message), cause);
    this.closedByPeer = closedByPeer;
  }

  /** Whether the peer closed the connection. */
  public boolean closedByPeer() {
    return closedByPeer;
  }

  /** Last line of defence: a {@code token=} query value never reaches a message. */
  static String scrub(String message) {
    return message == null ? null : message.replaceAll("(?i)(token=)[^&\\s\"']+", "$1***");
  }
}
