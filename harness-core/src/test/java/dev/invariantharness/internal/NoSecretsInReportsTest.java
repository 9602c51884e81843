package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.samples.Samples;
import dev.invariantharness.testkit.GateRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets planted in every path — evidence, failure message, display name — reach no file. */
class NoSecretsInReportsTest {

  @TempDir Path reports;

  @Test
  void noPlantedSecretReachesAnyReportOrEvidenceFile() throws IOException {
    GateRun.Outcome out = GateRun.into(reports).with("invariant.harness.redact.patterns", "sk_live_[A-Za-z0-9]+")
        .run(Samples.LeakySecrets.class);
    assertThat(out.report().results()).singleElement().satisfies(r -> assertThat(r.evidence()).hasSize(3));

    List<String> leaks = new ArrayList<>();
    int files = 0;
    try (Stream<Path> walk = Files.walk(reports)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files++;
        String content = new String(Files.readAllBytes(p), StandardCharsets.UTF_8) + "\n" + reports.relativize(p);
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
          for (String secret : Samples.LeakySecrets.SECRETS) {
            if (lines[i].contains(secret)) {
              leaks.add(reports.relativize(p) + ":" + (i + 1) + ": " + secret + " in: " + lines[i]);
            }
          }
        }
      }
    }
    assertThat(files).as("report files, parts and evidence were written").isGreaterThanOrEqualTo(8);
    assertThat(leaks).as("secrets found in written files").isEmpty();
    assertThat(out.file("results.tsv")).contains("[REDACTED]");
  }
}
