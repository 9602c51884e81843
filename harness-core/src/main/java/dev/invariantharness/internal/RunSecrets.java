package dev.invariantharness.internal;

import dev.invariantharness.evidence.KnownSecrets;
import java.util.HashMap;
import java.util.Map;

/**
 * The secrets one run has learnt, shared by the run's report listener (which alone can list the
 * JUnit configuration parameters) and its engine's extensions (which write the evidence), so a
 * value either of them reads as a secret is hidden by both from then on.
 *
 * <p>Each party takes a {@link Lease} for the run id and closes it when its part of the run ends;
 * the scope is forgotten when the last lease closes, so nothing one run learnt outlives it or
 * reaches another run in the same JVM. Users must not use this class directly.
 */
final class RunSecrets {

  private static final Map<String, Open> OPEN = new HashMap<>();

  private RunSecrets() {}

  /** A lease on run {@code runId}'s scope: the scope the run's other parties hold, or a new one. */
  static Lease lease(String runId) {
    synchronized (OPEN) {
      Open open = OPEN.computeIfAbsent(runId, k -> new Open(KnownSecrets.create()));
      open.leases++;
      return new Lease(runId, open.scope);
    }
  }

  /** How many runs hold a scope now (for tests: none once every run has ended). */
  static int openRuns() {
    synchronized (OPEN) {
      return OPEN.size();
    }
  }

  private static final class Open {
    final KnownSecrets scope;
    int leases;

    Open(KnownSecrets scope) {
      this.scope = scope;
    }
  }

  /** One party's hold on a run's scope; closing it twice releases once. */
  static final class Lease implements AutoCloseable {
    private final String runId;
    private final KnownSecrets scope;
    private boolean closed;

    private Lease(String runId, KnownSecrets scope) {
      this.runId = runId;
      this.scope = scope;
    }

    KnownSecrets scope() {
      return scope;
    }

    @Override
    public void close() {
      synchronized (OPEN) {
        if (closed) {
          return;
        }
        closed = true;
        Open open = OPEN.get(runId);
        if (open != null && open.scope == scope && --open.leases == 0) {
          OPEN.remove(runId);
        }
      }
    }
  }
}
