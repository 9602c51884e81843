package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.invariantharness.evidence.KnownSecrets;
import org.apiguardian.api.API;

/**
 * The static entry point {@link dev.invariantharness.config.HarnessConfiguration#secret} registers
 * into: {@link KnownSecrets#processWide()}, which redactors bound to no scope of their own
 * consult. Kept so configuration code written before runs held their own {@link KnownSecrets}
 * keeps working; new code adds to the run's scope instead.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegisteredSecrets {

  private RegisteredSecrets() {}

  /**
   * Remembers {@code secret} process-wide; blank values and values shorter than
   * {@code minLength} (or than {@code Redactor.MIN_SECRET_LENGTH}) are ignored, as by
   * {@code withSecret}.
   */
  public static void register(String secret, int minLength) {
    if (secret != null && secret.length() >= minLength) {
      KnownSecrets.processWide().add(secret);
    }
  }
}
