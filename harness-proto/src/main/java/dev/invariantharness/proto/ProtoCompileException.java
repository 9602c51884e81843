package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The sources do not compile (a syntax error, a missing import, an unknown type). Like buf, which
 * reports these as {@code COMPILE} findings (exit 100), it carries one finding per compiler error,
 * with the path and position the compiler gave.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoCompileException extends HarnessInputException {

  private static final long serialVersionUID = 1L;

  private final transient List<CheckFinding> findings;

  public ProtoCompileException(String input, String compilerOutput, List<CheckFinding> findings) {
    super(input, "does not compile:\n" + compilerOutput.strip());
    this.findings = List.copyOf(findings);
  }

  /** One {@code COMPILE} finding per positioned compiler error. */
  public List<CheckFinding> findings() {
    return findings;
  }
}
