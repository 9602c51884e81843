package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Secret values read through {@link dev.invariantharness.config.HarnessConfiguration#secret}
 * while the JVM runs. Every {@link dev.invariantharness.evidence.Redactor} removes them, also
 * one built before the secret was read: JUnit configuration parameters cannot be listed up
 * front, so a token passed as one is only known once a fixture asks for it. Process-wide on
 * purpose: a value that was a secret once is never printed by this JVM.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegisteredSecrets {

  private static final Object LOCK = new Object();
  private static volatile List<String> values = List.of();
  private static volatile LiteralSecrets rule;

  private RegisteredSecrets() {}

  /** Remembers {@code secret}; blank or too-short values are ignored, as by {@code withSecret}. */
  public static void register(String secret, int minLength) {
    if (secret == null || secret.isBlank() || secret.length() < minLength) {
      return;
    }
    synchronized (LOCK) {
      if (values.contains(secret)) {
        return;
      }
      List<String> more = new ArrayList<>(values);
      more.add(secret);
      rule = new LiteralSecrets(more);
      values = List.copyOf(more);
    }
  }

  /** {@code text} with every registered secret redacted; the text itself when none is registered. */
  public static String redact(String text) {
    LiteralSecrets current = rule;
    return current == null ? text : current.apply(text);
  }
}
