package dev.invariantharness.examples.runtime.parity;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The three services a traffic parity run needs, each a {@link RunService} on its own loopback
 * port: the legacy service, a second legacy instance (to learn noise from) and the candidate.
 *
 * <pre>{@code
 * try (ParityServices services = ParityServices.start(RunService.Behaviour.LEGACY)) {
 *   TrafficParity.builder().legacy(services.legacy()).secondLegacy(services.legacy2())
 *       .candidate(services.candidate()).build().run(recordings);
 * }
 * }</pre>
 */
public final class ParityServices implements AutoCloseable {

  /** Configuration key choosing the candidate's behaviour: {@code legacy}, {@code critical-drift}, {@code noise-only}. */
  public static final String CANDIDATE = "invariant.examples.parity.candidate";

  /** Configuration key choosing the Rust run's artifacts: {@code correct} or {@code critical-drift}. */
  public static final String ARTIFACTS = "invariant.examples.parity.artifacts";

  private final RunService legacy;
  private final RunService legacy2;
  private final RunService candidate;

  private ParityServices(RunService legacy, RunService legacy2, RunService candidate) {
    this.legacy = legacy;
    this.legacy2 = legacy2;
    this.candidate = candidate;
  }

  /** Starts legacy, legacy-2 and a candidate with {@code behaviour}. */
  public static ParityServices start(RunService.Behaviour behaviour) throws IOException {
    RunService legacy = RunService.start("legacy-1", RunService.Behaviour.LEGACY);
    RunService legacy2 = null;
    try {
      legacy2 = RunService.start("legacy-2", RunService.Behaviour.LEGACY);
      return new ParityServices(legacy, legacy2, RunService.start("candidate", behaviour));
    } catch (IOException | RuntimeException e) {
      legacy.close();
      if (legacy2 != null) {
        legacy2.close();
      }
      throw e;
    }
  }

  /** Parses a configuration value such as {@code critical-drift}; absent means {@code legacy}. */
  public static RunService.Behaviour behaviour(String value) {
    return value == null || value.isBlank() ? RunService.Behaviour.LEGACY
        : RunService.Behaviour.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** The legacy service. */
  public URI legacy() {
    return legacy.baseUrl();
  }

  /** The second legacy instance. */
  public URI legacy2() {
    return legacy2.baseUrl();
  }

  /** The candidate. */
  public URI candidate() {
    return candidate.baseUrl();
  }

  @Override
  public void close() {
    try {
      candidate.close();
    } finally {
      try {
        legacy2.close();
      } finally {
        legacy.close();
      }
    }
  }
}
