package dev.invariantharness;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Bad input to the harness: a malformed catalogue or mitigation file, an unknown invariant id,
 * missing configuration, an unreadable report directory. The message always names the input
 * (a file, a test, a configuration key) and what was wrong with it, and the line when known.
 */
@API(status = STABLE, since = "0.1")
public class HarnessInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String input;
  private final int line;
  private final String problem;

  /** An error in {@code input} (a file, test or key) whose line is unknown or irrelevant. */
  public HarnessInputException(String input, String problem) {
    this(input, -1, problem, null);
  }

  /** An error at {@code line} (1-based) of {@code input}. */
  public HarnessInputException(String input, int line, String problem, Throwable cause) {
    super(format(input, line, problem), cause);
    this.input = input;
    this.line = line;
    this.problem = problem;
  }

  private static String format(String input, int line, String problem) {
    return line > 0 ? input + ":" + line + ": " + problem : input + ": " + problem;
  }

  /** The file, test or configuration key the problem is in. */
  public String input() {
    return input;
  }

  /** The 1-based line of the problem, or -1 when unknown. */
  public int line() {
    return line;
  }

  /** What was wrong, without the location. */
  public String problem() {
    return problem;
  }
}
