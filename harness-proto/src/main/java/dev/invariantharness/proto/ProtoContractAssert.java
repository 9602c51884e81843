package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.finding.InvariantAssert;
import dev.invariantharness.finding.InvariantViolation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * AssertJ assertions on proto contracts, failing with an INV-01 {@link InvariantViolation} that
 * carries one finding per buf finding ({@code path:line:column}, {@code [RULE_ID] message}).
 * Obtain one with {@link ProtoAssertions#assertThat(ProtoInput)}. A description given with
 * {@code as(...)} leads the failure message, as in any AssertJ assertion; the findings, in buf's
 * text format, are attached as evidence when a gate run is recording.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ProtoContractAssert extends InvariantAssert<ProtoContractAssert, ProtoImage> {

  /** The invariant every failure here is reported under. */
  public static final String INVARIANT = "INV-01";

  private final ProtoInput input;
  private ProtoImage loaded;

  ProtoContractAssert(ProtoImage image, ProtoInput input) {
    super(image, ProtoContractAssert.class);
    this.input = input;
  }

  /** Passes when the module's own lint configuration (buf.yaml; STANDARD by default) finds nothing. */
  public ProtoContractAssert passesLint() {
    ProtoImage image = image();
    fail("buf lint: the contracts must pass the configured lint rules", "lint", ProtoChecks.lint(image));
    return this;
  }

  /**
   * Passes when no change from {@code baseline} breaks the wire format (buf's {@code WIRE}
   * category: old and new binaries still exchange messages).
   */
  public ProtoContractAssert isWireCompatibleWith(ProtoInput baseline) {
    return isWireCompatibleWith(load(baseline));
  }

  /** As {@link #isWireCompatibleWith(ProtoInput)}, with a loaded baseline. */
  public ProtoContractAssert isWireCompatibleWith(ProtoImage baseline) {
    ProtoImage image = image();
    fail("buf breaking (WIRE) against " + baseline.input() + ": the wire format must stay compatible",
        "breaking-wire", ProtoChecks.breaking(image, baseline, "WIRE"));
    return this;
  }

  /** Passes when the module's configured breaking rules (buf.yaml; FILE by default) find nothing. */
  public ProtoContractAssert hasNoBreakingChangesAgainst(ProtoInput baseline) {
    return hasNoBreakingChangesAgainst(load(baseline));
  }

  /** As {@link #hasNoBreakingChangesAgainst(ProtoInput)}, with a loaded baseline. */
  public ProtoContractAssert hasNoBreakingChangesAgainst(ProtoImage baseline) {
    ProtoImage image = image();
    fail("buf breaking against " + baseline.input() + ": no configured breaking rule may fire",
        "breaking", ProtoChecks.breaking(image, baseline));
    return this;
  }

  /**
   * Passes when the generated code checked in equals what {@code generated}'s generator produces
   * from these sources today. Each stale, missing or orphaned file is a finding; the diff of each
   * is attached as evidence when a gate run is recording. Needs a directory input.
   */
  public ProtoContractAssert hasUpToDateGeneratedCode(GeneratedCode generated) {
    if (input == null || input.directory() == null) {
      failWithMessage("%nExpecting a directory input to generate code from, but was: %s", actual);
    }
    List<GeneratedCode.Drift> drift;
    try {
      drift = generated.driftFrom(input.directory());
    } catch (ProtoCompileException e) {
      fail("the contracts in " + input + " must compile", "compile", e.findings());
      return this;
    }
    if (drift.isEmpty()) {
      return this;
    }
    Findings findings = Findings.of(INVARIANT, "generated code in " + generated.checkedIn()
        + " must match what the generator produces from " + input);
    for (GeneratedCode.Drift d : drift) {
      String what = switch (d.kind()) {
        case STALE -> "stale: differs from what the generator produces today";
        case MISSING -> "missing: the generator produces it but it is not checked in";
        case ORPHANED -> "orphaned: checked in but no longer produced by the generator";
      };
      findings.add(generated.checkedIn().resolve(d.path()).toString(), what);
      if (Evidence.isActive()) {
        Evidence.diff("generated-" + d.path().replace('/', '_') + ".diff", d.expected(), d.actual());
      }
    }
    return failOn(findings);
  }

  private ProtoImage image() {
    if (actual != null) {
      return actual;
    }
    if (input == null) {
      isNotNull();
    }
    if (loaded == null) {
      loaded = load(input);
    }
    return loaded;
  }

  private ProtoImage load(ProtoInput source) {
    Objects.requireNonNull(source, "input");
    try {
      return source.load();
    } catch (ProtoCompileException e) {
      fail("the contracts in " + source + " must compile", "compile", e.findings());
      throw new IllegalStateException("unreachable", e);
    }
  }

  private void fail(String rule, String evidenceName, List<CheckFinding> found) {
    if (found.isEmpty()) {
      return;
    }
    Findings findings = Findings.of(INVARIANT, rule);
    for (CheckFinding f : found) {
      findings.add(f.location(), "[" + f.type() + "] " + f.message());
    }
    if (Evidence.isActive()) {
      Evidence.text("proto-" + evidenceName + ".txt",
          found.stream().map(CheckFinding::text).collect(Collectors.joining("\n", "", "\n")));
    }
    // under this assertion's as(...) description
    failOn(findings);
  }
}
