package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.samples.EarlySecretSample;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsKnownAtConfigurationTimeTest {

  @TempDir Path reports;

  @Test
  void aConfiguredSecretIsRedactedFromTheFirstByteEvenBeforeAnythingReadsItAsASecret() throws IOException {
    Outcome out = GateRun.into(reports).with(EarlySecretSample.KEY, EarlySecretSample.VALUE).run(EarlySecretSample.class);

    assertThat(out.report().results()).singleElement().satisfies(r -> {
      assertThat(r.evidence()).isNotEmpty();
      assertThat(r.reason()).startsWith("peer refused ").doesNotContain(EarlySecretSample.VALUE);
    });
    List<Path> files;
    try (Stream<Path> all = Files.walk(reports)) {
      files = all.filter(Files::isRegularFile).toList();
    }
    assertThat(files).isNotEmpty().allSatisfy(f -> assertThat(f).content().doesNotContain(EarlySecretSample.VALUE));
  }
}
