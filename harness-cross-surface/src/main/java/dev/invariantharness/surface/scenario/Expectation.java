package dev.invariantharness.surface.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import io.grpc.Status;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome class a step expects on every surface: {@code ok}, or an error with a canonical code
 * ({@code google.rpc.Code}, the same numbers as gRPC's status codes). HTTP answers are held to the
 * code through a {@link dev.invariantharness.surface.StatusMapping}.
 *
 * <pre>{@code
 * Expectation.ok();
 * Expectation.error(Status.Code.NOT_FOUND);
 * Expectation.parse("error NOT_FOUND");
 * }</pre>
 *
 * @param code {@link Status.Code#OK} for success, otherwise the expected error code
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Expectation(Status.Code code) {

  public Expectation {
    Objects.requireNonNull(code, "code");
  }

  /** Success. */
  public static Expectation ok() {
    return new Expectation(Status.Code.OK);
  }

  /** An error with {@code code}. */
  public static Expectation error(Status.Code code) {
    return new Expectation(code);
  }

  /**
   * Reads {@code ok}, {@code error NOT_FOUND}, {@code NOT_FOUND} or a code number such as
   * {@code 5}.
   *
   * @throws IllegalArgumentException naming the known codes when {@code text} is none of these
   */
  public static Expectation parse(String text) {
    String t = text == null ? "" : text.trim();
    if (t.equalsIgnoreCase("ok")) {
      return ok();
    }
    if (t.toLowerCase(Locale.ROOT).startsWith("error")) {
      t = t.substring("error".length()).trim();
    }
    return new Expectation(code(t));
  }

  /** Parses a canonical code name ({@code NOT_FOUND}) or number ({@code 5}). */
  public static Status.Code code(String text) {
    String t = text == null ? "" : text.trim();
    if (t.matches("\\d{1,2}")) {
      int value = Integer.parseInt(t);
      if (value <= Status.Code.UNAUTHENTICATED.value()) {
        return Status.fromCodeValue(value).getCode();
      }
    }
    try {
      return Status.Code.valueOf(t.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not an outcome: expected ok or error CODE, CODE one of "
          + java.util.Arrays.toString(Status.Code.values()), e);
    }
  }

  /** Whether success is expected. */
  public boolean isOk() {
    return code == Status.Code.OK;
  }

  /** {@code ok} or {@code error NOT_FOUND}. */
  @Override
  public String toString() {
    return isOk() ? "ok" : "error " + code;
  }
}
