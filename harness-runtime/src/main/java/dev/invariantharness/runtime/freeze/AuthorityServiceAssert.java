package dev.invariantharness.runtime.freeze;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.evidence.HttpExchange;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.internal.BoundedSwitch;
import dev.invariantharness.runtime.freeze.internal.HttpProbe;
import dev.invariantharness.runtime.freeze.internal.ProbeRequest;
import dev.invariantharness.runtime.freeze.internal.SideProbe;
import dev.invariantharness.runtime.freeze.internal.StateSnapshot;
import dev.invariantharness.runtime.freeze.internal.WriteExpectation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Fluent assertions on one side of the cutover, over real HTTP. State the side's configured
 * state first ({@link #inWriteMode} for the runtime, {@link #withWriteFreeze} for the legacy
 * service), then what must hold in it; every method returns {@code this}.
 *
 * <pre>{@code
 * assertThat(runtime).inWriteMode(WriteMode.SHADOW_ONLY).rejectsAuthorityWrites().keepsServingReads();
 * assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites().reportsItsWriteMode();
 * assertThat(legacy).withWriteFreeze(true).rejectsAuthorityWrites().reportsItsWriteFreeze();
 * assertThat(runtime).afterSwitchingTo(WriteMode.READ_ONLY, runtimeSwitch).rejectsAuthorityWrites();
 * }</pre>
 *
 * <p>Each check probes every write route and collects every violation before it fails, with one
 * {@link dev.invariantharness.finding.InvariantViolation} of {@value FreezeAssertions#INVARIANT}
 * that lists each route and what it answered (status, error code and body shape, flat or
 * nested). The probe table ({@code write probes <state>.tsv}) and the failing exchanges are
 * attached as redacted evidence of the running check.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuthorityServiceAssert extends AbstractAssert<AuthorityServiceAssert, AuthorityService> {

  /** Failing exchanges attached per check at most; the table lists them all. */
  static final int MAX_EXCHANGES_ATTACHED = 20;

  private static final ObjectMapper JSON = Json.mapper();

  private WriteExpectation expectation;
  private WriteMode mode;
  private SideProbe lastAccepted;

  AuthorityServiceAssert(AuthorityService actual) {
    super(actual, AuthorityServiceAssert.class);
    isNotNull();
  }

  /** The runtime runs with {@code RUNTIME_AUTHORITY_WRITE_MODE=mode}. */
  public AuthorityServiceAssert inWriteMode(WriteMode mode) {
    if (actual.side() != AuthoritySide.RUNTIME) {
      throw new IllegalStateException("inWriteMode applies to the runtime; for the legacy service use withWriteFreeze(on)");
    }
    this.mode = mode;
    this.expectation = WriteExpectation.runtime(mode);
    return this;
  }

  /**
   * Switches the runtime to {@code mode} through {@code modeSwitch} (bounded by three times the
   * service's timeout), then states it as {@link #inWriteMode}: one service switched on its own,
   * without the two-service {@link ModeSwitch} of the drill.
   *
   * <pre>{@code
   * assertThat(runtime).afterSwitchingTo(WriteMode.READ_ONLY, mode -> admin.setWriteMode(mode))
   *     .reportsItsWriteMode().rejectsAuthorityWrites();
   * }</pre>
   *
   * @throws AssertionError naming the mode and why, when the switch throws or does not return in time
   */
  public AuthorityServiceAssert afterSwitchingTo(WriteMode mode, RuntimeModeSwitch modeSwitch) {
    java.util.Objects.requireNonNull(mode, "mode");
    java.util.Objects.requireNonNull(modeSwitch, "modeSwitch");
    if (actual.side() != AuthoritySide.RUNTIME) {
      throw new IllegalStateException("afterSwitchingTo applies to the runtime; for the legacy service use afterSwitchingWriteFreeze(on, switch)");
    }
    switched(() -> modeSwitch.switchTo(mode), "switch the runtime to write mode " + mode.wireName());
    return inWriteMode(mode);
  }

  /**
   * Turns the legacy write freeze {@code on} or off through {@code freezeSwitch} (bounded by three
   * times the service's timeout), then states it as {@link #withWriteFreeze}.
   *
   * <pre>{@code
   * assertThat(legacy).afterSwitchingWriteFreeze(true, on -> admin.setWriteFreeze(on))
   *     .reportsItsWriteFreeze().rejectsAuthorityWrites();
   * }</pre>
   *
   * @throws AssertionError naming the setting and why, when the switch throws or does not return in time
   */
  public AuthorityServiceAssert afterSwitchingWriteFreeze(boolean on, LegacyFreezeSwitch freezeSwitch) {
    java.util.Objects.requireNonNull(freezeSwitch, "freezeSwitch");
    if (actual.side() != AuthoritySide.LEGACY) {
      throw new IllegalStateException("afterSwitchingWriteFreeze applies to the legacy service; for the runtime use afterSwitchingTo(mode, switch)");
    }
    switched(() -> freezeSwitch.setWriteFreeze(on), "turn LEGACY_RUNTIME_WRITE_FREEZE " + (on ? "on" : "off"));
    return withWriteFreeze(on);
  }

  private void switched(BoundedSwitch.Action action, String what) {
    java.time.Duration limit = actual.timeout().multipliedBy(3);
    BoundedSwitch.run(action, limit).ifPresent(problem -> {
      throw new AssertionError("could not " + what + " on the " + actual + ": " + problem
          + "; nothing was probed, since the service's state is unknown");
    });
  }

  /** The legacy service runs with {@code LEGACY_RUNTIME_WRITE_FREEZE} on or off. */
  public AuthorityServiceAssert withWriteFreeze(boolean on) {
    if (actual.side() != AuthoritySide.LEGACY) {
      throw new IllegalStateException("withWriteFreeze applies to the legacy service; for the runtime use inWriteMode(mode)");
    }
    this.expectation = WriteExpectation.legacy(on);
    return this;
  }

  /**
   * Every write route answers the side's frozen status ({@code 503} runtime, {@code 410} legacy)
   * with error code {@code write_path_frozen}, flat or nested; and the read paths answer 2xx
   * and exactly as before, so no refused write was applied.
   */
  public AuthorityServiceAssert rejectsAuthorityWrites() {
    WriteExpectation e = stated();
    if (!e.frozen()) {
      throw new IllegalStateException("the " + actual.side().label() + " " + e.state() + " accepts writes; use acceptsAuthorityWrites()");
    }
    requireRoutes();
    if (actual.readPaths().isEmpty()) {
      throw new HarnessInputException("read paths of the " + actual, "none configured: without reading state back a refused"
          + " write that was applied anyway cannot be seen; set withReadPaths(...)");
    }
    SideProbe probe = SideProbe.run(actual, e);
    Findings findings = Findings.of(FreezeAssertions.INVARIANT,
        "the " + actual.side().label() + " " + e.state() + " must refuse every authority write with " + e.expected() + " and apply none");
    report(probe, findings);
    for (String failed : probe.before().failedReads()) {
      int colon = failed.indexOf(": ");
      findings.add(failed.substring(0, colon), failed.substring(colon + 2)
          + "; without reading the state back, a refused write that was applied cannot be ruled out");
    }
    List<String> traces = probe.traces();
    for (String path : traces) {
      findings.add("GET " + path, "changed although every write was refused: a refused write was applied");
    }
    if (!traces.isEmpty()) {
      Evidence.diff("state before and after refused writes", probe.before().render(), probe.after().render());
    }
    findings.assertNone();
    return this;
  }

  /** Every write route answers 2xx. */
  public AuthorityServiceAssert acceptsAuthorityWrites() {
    WriteExpectation e = stated();
    if (e.frozen()) {
      throw new IllegalStateException("the " + actual.side().label() + " " + e.state() + " is frozen; use rejectsAuthorityWrites()");
    }
    requireRoutes();
    SideProbe probe = SideProbe.run(actual, e);
    Findings findings = Findings.of(FreezeAssertions.INVARIANT,
        "the " + actual.side().label() + " " + e.state() + " is the authority writer and must accept every authority write");
    report(probe, findings);
    lastAccepted = probe;
    findings.assertNone();
    return this;
  }

  /**
   * After {@link #acceptsAuthorityWrites()}: the read paths changed, so the accepted writes were
   * applied; an authority that answers 201 and drops the write fails. Use it when the routes
   * create something on every call (a POST that appends); re-applying idempotent writes (the same
   * PUT twice) rightly changes nothing.
   *
   * <pre>{@code
   * assertThat(runtime).inWriteMode(WriteMode.RUST_ACTIVE).acceptsAuthorityWrites().andAppliesThem();
   * }</pre>
   */
  public AuthorityServiceAssert andAppliesThem() {
    if (lastAccepted == null) {
      throw new IllegalStateException("andAppliesThem() checks the writes of acceptsAuthorityWrites(); call that first");
    }
    if (actual.readPaths().isEmpty()) {
      throw new HarnessInputException("read paths of the " + actual, "none configured; set withReadPaths(...)");
    }
    if (lastAccepted.before().changedIn(lastAccepted.after()).isEmpty()) {
      Evidence.diff("state before and after accepted writes", lastAccepted.before().render(), lastAccepted.after().render());
      Findings.of(FreezeAssertions.INVARIANT, "the " + actual.side().label() + " " + lastAccepted.expectation().state()
              + " is the authority writer and must apply the writes it accepts")
          .add("GET " + String.join(", GET ", actual.readPaths()), "no read path changed although "
              + lastAccepted.acceptedRoutes().size() + " write(s) were accepted: the writes were dropped, or the read paths do not show them")
          .assertNone();
    }
    return this;
  }

  /** Every read path answers 2xx: a write freeze must not take reads down with it. */
  public AuthorityServiceAssert keepsServingReads() {
    WriteExpectation e = stated();
    if (actual.readPaths().isEmpty()) {
      throw new HarnessInputException("read paths of the " + actual, "none configured; set withReadPaths(...)");
    }
    StateSnapshot reads = StateSnapshot.of(actual);
    Findings findings = Findings.of(FreezeAssertions.INVARIANT,
        "the " + actual.side().label() + " " + e.state() + " must keep serving reads (2xx); only authority writes are frozen");
    for (String failed : reads.failedReads()) {
      int colon = failed.indexOf(": ");
      findings.add(failed.substring(0, colon), failed.substring(colon + 2));
    }
    if (!findings.isEmpty()) {
      reads.exchanges().stream().filter(x -> x.status() / 100 != 2).limit(MAX_EXCHANGES_ATTACHED).forEach(Evidence::http);
    }
    findings.assertNone();
    return this;
  }

  /**
   * The runtime's health endpoint reports the mode it runs in: {@code authority_write_mode}
   * equal to the stated mode and {@code authority_writer_active} true exactly in
   * {@code rust_active}.
   */
  public AuthorityServiceAssert reportsItsWriteMode() {
    stated();
    if (mode == null) {
      throw new IllegalStateException("reportsItsWriteMode applies to the runtime; state its mode with inWriteMode(mode)");
    }
    Optional<String> problem = healthProblem(actual, mode);
    if (problem.isPresent()) {
      Findings.of(FreezeAssertions.INVARIANT, "the runtime's " + actual.healthPath() + " must report the write mode it actually runs in")
          .add("GET " + actual.healthPath(), problem.get()).assertNone();
    }
    return this;
  }

  /**
   * The legacy service's health endpoint reports the write freeze it runs with: field
   * {@value #LEGACY_FREEZE_FIELD}, a boolean or one of the values
   * {@code LEGACY_RUNTIME_WRITE_FREEZE} takes ({@code 1|true|yes|on}, {@code 0|false|no|off}),
   * equal to the stated setting. The control plane reads it to know which side may write; a
   * legacy service that hides or misreports its freeze cannot be told apart from one that writes.
   */
  public AuthorityServiceAssert reportsItsWriteFreeze() {
    WriteExpectation e = stated();
    if (actual.side() != AuthoritySide.LEGACY) {
      throw new IllegalStateException("reportsItsWriteFreeze applies to the legacy service; for the runtime use reportsItsWriteMode()");
    }
    Optional<String> problem = legacyHealthProblem(actual, e.frozen(), true);
    if (problem.isPresent()) {
      Findings.of(FreezeAssertions.INVARIANT, "the legacy service's " + actual.healthPath()
              + " must report the write freeze it actually runs with (" + LEGACY_FREEZE_FIELD + ")")
          .add("GET " + actual.healthPath(), problem.get()).assertNone();
    }
    return this;
  }

  /** The health field the legacy service reports its write freeze in. */
  public static final String LEGACY_FREEZE_FIELD = "legacy_write_freeze";

  private static final java.util.Set<String> ON = java.util.Set.of("1", "true", "yes", "on");
  private static final java.util.Set<String> OFF = java.util.Set.of("0", "false", "no", "off");

  /**
   * What is wrong with the legacy service's health answer for the freeze {@code frozen}, if
   * anything; attaches the exchange when wrong. Without {@code required}, a health answer that
   * does not report the field at all is no problem (the drill checks only what a service reports).
   */
  static Optional<String> legacyHealthProblem(AuthorityService legacy, boolean frozen, boolean required) {
    HttpExchange health = HttpProbe.send(legacy, ProbeRequest.get(legacy.healthPath()));
    String state = "LEGACY_RUNTIME_WRITE_FREEZE " + (frozen ? "on" : "off");
    String problem = null;
    if (health.status() / 100 != 2) {
      problem = required || health.status() == 0
          ? "answered " + (health.status() == 0 ? health.responseBody() : String.valueOf(health.status())) + "; expected 200"
          : null;
    } else {
      JsonNode body = null;
      try {
        body = JSON.readTree(health.responseBody());
      } catch (IOException notJson) {
        problem = required ? "answered a body that is not JSON: " + health.responseBody() : null;
      }
      JsonNode reported = body == null ? null : body.get(LEGACY_FREEZE_FIELD);
      if (body != null && (reported == null || reported.isNull())) {
        problem = required ? "reports no " + LEGACY_FREEZE_FIELD + "; the legacy service runs with " + state : null;
      } else if (reported != null) {
        String text = reported.asText().trim().toLowerCase(java.util.Locale.ROOT);
        Boolean says = reported.isBoolean() ? Boolean.valueOf(reported.asBoolean())
            : reported.isTextual() && ON.contains(text) ? Boolean.TRUE
            : reported.isTextual() && OFF.contains(text) ? Boolean.FALSE
            : reported.isIntegralNumber() && (reported.asInt() == 0 || reported.asInt() == 1) ? Boolean.valueOf(reported.asInt() == 1)
            : null;
        if (says == null) {
          problem = "reports " + LEGACY_FREEZE_FIELD + " " + reported + ", which is no freeze setting (a boolean, 1|true|yes|on"
              + " or 0|false|no|off); the legacy service runs with " + state;
        } else if (says != frozen) {
          problem = "reports " + LEGACY_FREEZE_FIELD + " " + reported + " but the legacy service runs with " + state;
        }
      }
    }
    if (problem != null) {
      Evidence.http(health);
    }
    return Optional.ofNullable(problem);
  }

  /** What is wrong with the runtime's health answer for {@code mode}, if anything; attaches the exchange when wrong. */
  static Optional<String> healthProblem(AuthorityService runtime, WriteMode mode) {
    HttpExchange health = HttpProbe.send(runtime, ProbeRequest.get(runtime.healthPath()));
    String problem = null;
    if (health.status() / 100 != 2) {
      problem = "answered " + (health.status() == 0 ? health.responseBody() : String.valueOf(health.status())) + "; expected 200";
    } else {
      try {
        JsonNode body = JSON.readTree(health.responseBody());
        JsonNode reported = body == null ? null : body.get("authority_write_mode");
        JsonNode writer = body == null ? null : body.get("authority_writer_active");
        if (reported == null || !reported.isTextual()) {
          problem = "reports no authority_write_mode; the runtime runs in " + mode.wireName();
        } else if (!reported.asText().equals(mode.wireName())) {
          problem = "reports authority_write_mode \"" + reported.asText() + "\" but the runtime runs in " + mode.wireName();
        } else if (writer == null || !writer.isBoolean()) {
          problem = "reports no boolean authority_writer_active; expected " + mode.acceptsWrites() + " in " + mode.wireName();
        } else if (writer.asBoolean() != mode.acceptsWrites()) {
          problem = "reports authority_writer_active " + writer.asBoolean() + " but the runtime runs in " + mode.wireName()
              + ", where it is " + mode.acceptsWrites();
        }
      } catch (IOException e) {
        problem = "answered a body that is not JSON: " + health.responseBody();
      }
    }
    if (problem != null) {
      Evidence.http(health);
    }
    return Optional.ofNullable(problem);
  }

  private void report(SideProbe probe, Findings findings) {
    Evidence.text("write probes " + probe.expectation().state() + ".tsv", ProbeRow.tsv(probe.rows(probe.expectation().state())));
    int attached = 0;
    for (SideProbe.RouteResult r : probe.routes()) {
      if (!r.judgement().ok()) {
        findings.add(r.route().name(), r.judgement().problem());
        if (attached++ < MAX_EXCHANGES_ATTACHED) {
          Evidence.http(r.exchange());
        }
      }
    }
  }

  private WriteExpectation stated() {
    if (expectation == null) {
      throw new IllegalStateException("state the " + actual.side().label() + "'s configured state first: "
          + (actual.side() == AuthoritySide.RUNTIME ? "inWriteMode(WriteMode.READ_ONLY)" : "withWriteFreeze(true)"));
    }
    return expectation;
  }

  private void requireRoutes() {
    if (actual.writeRoutes().isEmpty()) {
      throw new HarnessInputException("write routes of the " + actual, "none configured; set withWriteRoutes(...)");
    }
  }
}
