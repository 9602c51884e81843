package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.evidence.internal.LiteralSecrets;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Secret values learnt while a run lasts, such as a token read through
 * {@link dev.invariantharness.config.HarnessConfiguration#secret}, which every {@link Redactor}
 * bound to this scope removes — also a redactor built before the value was learnt. JUnit
 * configuration parameters cannot be listed up front, so a token passed as one is only known once
 * something asks for it; the redactors of the run must still hide it from then on.
 *
 * <p>A scope belongs to whoever runs the checks (one engine execution, one test): a value learnt
 * in one scope is never redacted by a redactor of another, and {@link #clear} forgets everything.
 *
 * <pre>{@code
 * KnownSecrets run = KnownSecrets.create();
 * Redactor redactor = Redactor.defaults().withKnownSecrets(run);
 * run.add(config.get("invariant.harness.target.control.access-token").orElse(null));
 * redactor.redact("sent abcd-1234-token");   // "sent [REDACTED]" once the token was added
 * }</pre>
 *
 * <p>{@link #processWide()} is the scope redactors consult when they are bound to none (what
 * {@link Redactor#defaults()} does); it lasts as long as the JVM, so prefer a scope of your own.
 * Thread-safe: values may be added while other threads redact.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class KnownSecrets {

  private static final KnownSecrets PROCESS_WIDE = new KnownSecrets();

  private final Object lock = new Object();
  private volatile List<String> values = List.of();
  private volatile LiteralSecrets rule;

  private KnownSecrets() {}

  /** A new, empty scope, for one run or one test. */
  public static KnownSecrets create() {
    return new KnownSecrets();
  }

  /**
   * The scope of the whole JVM: what a redactor bound to no scope of its own consults. The harness
   * itself never adds to it (each run has a scope of its own, see
   * {@link dev.invariantharness.config.HarnessConfiguration#knownSecrets()}); it is there for
   * code that redacts outside any run.
   */
  public static KnownSecrets processWide() {
    return PROCESS_WIDE;
  }

  /**
   * Remembers {@code value}, so that every redactor bound to this scope redacts it, also
   * URL-encoded and JSON-escaped. {@code null}, blank values and values shorter than
   * {@value Redactor#MIN_SECRET_LENGTH} characters are ignored, as by {@link Redactor#withSecret}.
   *
   * @return whether the value was new to this scope
   */
  public boolean add(String value) {
    if (value == null || value.isBlank() || value.length() < Redactor.MIN_SECRET_LENGTH) {
      return false;
    }
    synchronized (lock) {
      if (values.contains(value)) {
        return false;
      }
      List<String> more = new ArrayList<>(values);
      more.add(value);
      rule = new LiteralSecrets(more);
      values = List.copyOf(more);
      return true;
    }
  }

  /** How many values this scope holds. */
  public int size() {
    return values.size();
  }

  /** Forgets every value: redactors bound to this scope redact none of them from now on. */
  public void clear() {
    synchronized (lock) {
      rule = null;
      values = List.of();
    }
  }

  /** {@code text} with every value of this scope redacted; {@code text} itself when there is none. */
  String redact(String text) {
    LiteralSecrets current = rule;
    return current == null ? text : current.apply(text);
  }

  /** The count only: a scope's values must not leak through logging it. */
  @Override
  public String toString() {
    return "KnownSecrets[" + size() + " value(s)" + (this == PROCESS_WIDE ? ", process-wide]" : "]");
  }
}
