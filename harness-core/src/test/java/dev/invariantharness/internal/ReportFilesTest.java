package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.samples.Samples;
import dev.invariantharness.testkit.GateRun;
import dev.invariantharness.testkit.GateRun.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @TempDir Path reports;

  @Test
  void aReportIsReadableByOtherUsers() throws IOException {
    Outcome out = GateRun.into(reports).run(Samples.AllGo.class);
    Path dir = out.reportDir().toRealPath();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwxr-xr-x");
    try (Stream<Path> all = Files.walk(dir)) {
      assertThat(all.filter(Files::isRegularFile).toList()).isNotEmpty().allSatisfy(f ->
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--"));
    }
  }

  @Test
  void aReusedRunIdStartsANewReportInsteadOfJoiningAnEarlierBuildsRows() throws IOException {
    Outcome first = GateRun.into(reports).with("invariant.harness.run-id", "build-42").run(Samples.AllGo.class);
    Path earlier = first.reportDir().toRealPath();
    // Another build with the same run id: this JVM is the same process, so pretend the earlier
    // part came from another build by rewriting its build identity.
    Path parts = reports.resolve(".parts/build-42");
    try (Stream<Path> files = Files.list(parts)) {
      for (Path part : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        Files.writeString(part, Files.readString(part).replace(RunIdentity.build(), "maven-1-1"));
      }
    }

    Outcome second = GateRun.into(reports).with("invariant.harness.run-id", "build-42").run(Samples.ReleaseFailure.class);

    assertThat(second.report().results()).extracting(CheckResult::checkId)
        .containsExactly("dev.invariantharness.samples.Samples$ReleaseFailure.deployRunsMigrateJob");
    assertThat(earlier).exists();
    assertThat(second.reportDir().toRealPath()).isNotEqualTo(earlier);
  }
}
