package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.samples.EarlySecretSample;
import dev.invariantharness.testkit.GateRun;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's secret scope is shared by its parties while it lasts, and outlives it nowhere. */
class RunSecretsTest {

  @TempDir Path reports;

  @Test
  void thePartiesOfOneRunShareOneScope() {
    String run = "run-" + UUID.randomUUID();
    try (RunSecrets.Lease listener = RunSecrets.lease(run); RunSecrets.Lease engine = RunSecrets.lease(run)) {
      listener.scope().add("learnt-by-the-listener");

      assertThat(engine.scope()).isSameAs(listener.scope());
      assertThat(Redactor.defaults().withKnownSecrets(engine.scope()).redact("x learnt-by-the-listener"))
          .isEqualTo("x " + Redactor.MARKER);
    }
  }

  @Test
  void anotherRunGetsAScopeOfItsOwn() {
    try (RunSecrets.Lease one = RunSecrets.lease("run-" + UUID.randomUUID());
        RunSecrets.Lease two = RunSecrets.lease("run-" + UUID.randomUUID())) {
      one.scope().add("learnt-in-run-one");

      assertThat(two.scope()).isNotSameAs(one.scope());
      assertThat(two.scope().size()).isZero();
    }
  }

  @Test
  void theScopeIsForgottenWhenTheLastPartyLeaves() {
    String run = "run-" + UUID.randomUUID();
    int before = RunSecrets.openRuns();
    RunSecrets.Lease listener = RunSecrets.lease(run);
    RunSecrets.Lease engine = RunSecrets.lease(run);
    listener.scope().add("learnt-before-a-rerun");

    engine.close();
    engine.close();
    assertThat(RunSecrets.openRuns()).as("the listener still holds it").isEqualTo(before + 1);
    listener.close();

    assertThat(RunSecrets.openRuns()).isEqualTo(before);
    try (RunSecrets.Lease rerun = RunSecrets.lease(run)) {
      assertThat(rerun.scope().size()).as("a later run with the same id starts empty").isZero();
    }
  }

  @Test
  void aRealRunReleasesItsScopeWhenItEnds() {
    int before = RunSecrets.openRuns();

    GateRun.into(reports).with(EarlySecretSample.KEY, EarlySecretSample.VALUE).run(EarlySecretSample.class);

    assertThat(RunSecrets.openRuns()).as("scopes held after the run ended").isEqualTo(before);
    assertThat(Redactor.defaults().redact(EarlySecretSample.VALUE)).as("the JVM-wide scope was not told")
        .isEqualTo(EarlySecretSample.VALUE);
  }
}
