package dev.invariantharness.http;

/**
 * The deadline of an exchange running on its caller's thread: when it expires first, it
 * interrupts the caller, which ends the HTTP client's blocking send. Expiry and the end of the
 * exchange are decided under one lock, so an interrupt is either delivered while the exchange
 * runs and cleared by {@link #finish}, or never sent: none leaks into the caller's later work.
 */
final class CallerDeadline {

  private final Thread caller;
  private boolean expired;
  private boolean finished;

  CallerDeadline(Thread caller) {
    this.caller = caller;
  }

  /** Interrupts the caller unless the exchange has finished. */
  synchronized void expire() {
    if (!finished && !expired) {
      expired = true;
      caller.interrupt();
    }
  }

  /**
   * Ends the exchange on the caller's thread; clears the interrupt this deadline sent.
   *
   * @return whether the deadline expired before the exchange ended
   */
  synchronized boolean finish() {
    if (!finished) {
      finished = true;
      if (expired) {
        Thread.interrupted();
      }
    }
    return expired;
  }
}
