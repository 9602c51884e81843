package dev.invariantharness.khala.live;

import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.InvariantViolation;
import java.util.List;

/**
 * A Khala peer misbehaved at the protocol level: it went silent, closed mid-stream, sent a
 * malformed or oversized message, or a frame for a topic nobody subscribed to. An INV-07
 * {@link InvariantViolation} (so an {@link AssertionError}): a check fails with a message that
 * starts {@code INV-07 violated} like every other INV-07 failure — never a hang. The message names
 * the peer (scheme, host, port and path; never the query, which may carry a token), what was
 * expected and what was seen; {@link #detail()} is that sentence alone.
 */
public class PeerFailure extends InvariantViolation {

  private static final long serialVersionUID = 1L;

  /** The rule a misbehaving peer breaks, as the failure message states it. */
  public static final String RULE = "a live sync peer speaks the protocol and answers within the timeout";

  private final boolean closedByPeer;
  private final String detail;

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
    super("INV-07", RULE, List.of(new Finding("INV-07", "live subscription", String.valueOf(scrub(message)))));
    this.detail = scrub(message);
    this.closedByPeer = closedByPeer;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** What the peer did, without the {@code INV-07 violated} header. */
  public String detail() {
    return detail;
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
