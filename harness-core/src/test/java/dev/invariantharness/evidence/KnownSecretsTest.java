package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Secrets learnt while a run lasts are redacted by the run's redactors only: what one run or test
 * learnt never decides what another prints.
 */
class KnownSecretsTest {

  private final KnownSecrets run = KnownSecrets.create();
  private final String token = "run-token-" + UUID.randomUUID();

  @Test
  void aSecretLearntAfterTheRedactorWasBuiltIsRedacted() {
    Redactor redactor = Redactor.defaults().withKnownSecrets(run);
    assertThat(redactor.redact("sent " + token)).isEqualTo("sent " + token);

    assertThat(run.add(token)).isTrue();

    assertThat(redactor.redact("sent " + token)).isEqualTo("sent [REDACTED]");
  }

  @Test
  void aSecretLearntInOneRunIsNotRedactedByAnotherRunsRedactor() {
    KnownSecrets other = KnownSecrets.create();
    run.add(token);

    assertThat(Redactor.defaults().withKnownSecrets(other).redact("sent " + token)).isEqualTo("sent " + token);
    assertThat(Redactor.defaults().redact("sent " + token))
        .as("the process-wide scope knows nothing a run learnt").isEqualTo("sent " + token);
  }

  @Test
  void aClearedScopeForgetsItsSecrets() {
    Redactor redactor = Redactor.defaults().withKnownSecrets(run);
    run.add(token);
    run.add("second-" + token);

    run.clear();

    assertThat(run.size()).isZero();
    assertThat(redactor.redact("sent " + token)).isEqualTo("sent " + token);
    assertThat(run.add(token)).as("a cleared value can be learnt again").isTrue();
    assertThat(redactor.redact("sent " + token)).isEqualTo("sent [REDACTED]");
  }

  @Test
  void nullBlankAndShortValuesAreNotLearnt() {
    assertThat(run.add(null)).isFalse();
    assertThat(run.add("    ")).isFalse();
    assertThat(run.add("abc")).isFalse();
    assertThat(run.size()).isZero();
    assertThat(run.add("abcd")).as("the minimum length itself is enough").isTrue();
    assertThat(Redactor.defaults().withKnownSecrets(run).redact("x abcd y")).isEqualTo("x [REDACTED] y");
  }

  @Test
  void aValueLearntTwiceIsHeldOnce() {
    assertThat(run.add(token)).isTrue();
    assertThat(run.add(token)).isFalse();
    assertThat(run.size()).isEqualTo(1);
  }

  @Test
  void urlEncodedAndJsonEscapedFormsOfAKnownSecretAreRedacted() {
    run.add("p@ss word\"x");
    Redactor redactor = Redactor.defaults().withKnownSecrets(run);

    assertThat(redactor.redact("?q=p%40ss+word%22x&r=p%40ss%20word%22x"))
        .isEqualTo("?q=[REDACTED]&r=[REDACTED]");
    assertThat(redactor.redact("{\"note\":\"p@ss word\\\"x\"}")).isEqualTo("{\"note\":\"[REDACTED]\"}");
  }

  @Test
  void knownSecretsAreRedactedEvenWithoutTheBuiltInRules() {
    Redactor lastPass = Redactor.defaults().withKnownSecrets(run).configuredOnly();
    run.add(token);

    assertThat(lastPass.redact("<td>" + token + "</td>")).isEqualTo("<td>[REDACTED]</td>");
  }

  @Test
  void aRedactorKeepsItsScopeThroughEveryWithMethod() {
    Redactor redactor = Redactor.defaults().withKnownSecrets(run)
        .withSecret("configured-secret").withPattern("never-\\d{40}");
    run.add(token);

    assertThat(redactor.redact(token + " configured-secret")).isEqualTo("[REDACTED] [REDACTED]");
  }

  @Test
  void rebindingReplacesTheScopeRatherThanAddingToIt() {
    KnownSecrets other = KnownSecrets.create();
    run.add(token);

    Redactor rebound = Redactor.defaults().withKnownSecrets(run).withKnownSecrets(other);

    assertThat(rebound.redact(token)).isEqualTo(token);
  }

  @Test
  void aRedactorIsBoundToANonNullScope() {
    assertThatNullPointerException().isThrownBy(() -> Redactor.defaults().withKnownSecrets(null))
        .withMessage("scope");
  }

  @Test
  void theDefaultRedactorConsultsTheProcessWideScope() {
    String processToken = "process-token-" + UUID.randomUUID();
    KnownSecrets.processWide().add(processToken);

    assertThat(Redactor.defaults().redact("sent " + processToken)).isEqualTo("sent [REDACTED]");
    assertThat(Redactor.defaults().withKnownSecrets(run).redact("sent " + processToken))
        .as("a run's redactor does not consult the process-wide scope").isEqualTo("sent " + processToken);
  }

  @Test
  void loggingAScopeShowsItsSizeOnly() {
    run.add(token);

    assertThat(run).hasToString("KnownSecrets[1 value(s)]");
    assertThat(KnownSecrets.processWide().toString()).startsWith("KnownSecrets[").endsWith(" value(s), process-wide]");
  }

  @Test
  void aSecretThatIsPartOfTheMarkerNeverRewritesTheMarker() {
    Redactor redactor = Redactor.defaults().withSecret("REDACTED").withSecret("[REDACTED]");

    assertThat(redactor.redact("already [REDACTED] here")).isEqualTo("already [REDACTED] here");
    assertThat(redactor.redact(redactor.redact("token=abc"))).isEqualTo("token=[REDACTED]");
  }
}
