package dev.invariantharness.runtime.freeze.internal;

import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.AuthoritySide;

/**
 * What a write to one side must get in one state, and the verdict on what it got.
 *
 * @param side runtime or legacy
 * @param frozen whether the side's writes are frozen in this state
 * @param state the state in words, e.g. {@code in write mode read_only}
 */
public record WriteExpectation(AuthoritySide side, boolean frozen, String state) {

  /** The runtime in {@code mode}. */
  public static WriteExpectation runtime(WriteMode mode) {
    return new WriteExpectation(AuthoritySide.RUNTIME, !mode.acceptsWrites(), "in write mode " + mode.wireName());
  }

  /** The legacy service with its write freeze on or off. */
  public static WriteExpectation legacy(boolean frozen) {
    return new WriteExpectation(AuthoritySide.LEGACY, frozen, "with LEGACY_RUNTIME_WRITE_FREEZE " + (frozen ? "on" : "off"));
  }

  /** {@code 503 write_path_frozen} or {@code 2xx}. */
  public String expected() {
    return frozen ? side.frozenStatus() + " " + AuthoritySide.FROZEN_CODE : "2xx";
  }

  /**
   * The verdict on one answer.
   *
   * @param exchange the write and its answer
   * @return whether it is what this state requires and, if not, why in words
   */
  public Judgement judge(HttpExchange exchange) {
    int status = exchange.status();
    ErrorBody body = ErrorBody.parse(exchange.responseBody());
    boolean accepted = status / 100 == 2;
    boolean frozenAnswer = status == side.frozenStatus() && body.hasCode(AuthoritySide.FROZEN_CODE);
    String who = "the " + side.label() + " " + state;
    String problem = null;
    if (status == 0) {
      problem = exchange.responseBody() + "; expected " + expected();
    } else if (frozen) {
      if (accepted) {
        problem = "accepted the write with " + status + " although " + who + " must refuse it with " + expected();
      } else if (status == side.frozenStatus() && !frozenAnswer) {
        problem = "answered " + status + " but without error code " + AuthoritySide.FROZEN_CODE + ": saw " + body.describe();
      } else if (!frozenAnswer) {
        problem = "answered " + status + " (" + body.describe() + "); expected " + expected() + " from " + who;
      }
    } else if (!accepted) {
      problem = frozenAnswer
          ? "refused the write with " + status + " " + AuthoritySide.FROZEN_CODE + " although " + who + " must accept writes (2xx)"
          : "answered " + status + " (" + body.describe() + ") although " + who + " must accept writes (2xx)";
    }
    return new Judgement(problem == null, accepted, frozenAnswer, body, problem);
  }

  /**
   * The verdict on one write.
   *
   * @param ok whether the answer is what the state requires
   * @param accepted whether the service accepted the write (2xx)
   * @param frozenAnswer whether it answered the side's frozen status with {@code write_path_frozen}
   * @param body the error code and shape of the answer
   * @param problem why it is wrong, or {@code null}
   */
  public record Judgement(boolean ok, boolean accepted, boolean frozenAnswer, ErrorBody body, String problem) {}
}
