package dev.invariantharness.deploy.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.deploy.cli.DeployCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeployCommandTest {

  @TempDir Path dir;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = DeployCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new String[] {Integer.toString(cl.execute(args)), out.toString(), err.toString()};
  }

  @Test
  void verifyExitsZeroOnAGoodManifestAndOneOnFindings() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 100);
    assertThat(run("verify", fx.manifest.toString(), "--root", fx.root.toString())).startsWith("0", "verify: ok\n");
    Files.writeString(fx.root.resolve("stores/auth.json"), "changed");
    String[] r = run("verify", fx.manifest.toString(), "--root", fx.root.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[1]).contains("INV-09 auth (stores/auth.json): after-hash-mismatch").endsWith("verify: 1 finding(s)\n");
  }

  @Test
  void aMalformedManifestExitsTwoNamingTheField() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 100, m -> m.replace("\"changed\":true,", ""));
    String[] r = run("verify", fx.manifest.toString(), "--root", fx.root.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("stores[0].changed is missing or not a boolean");
  }

  @Test
  void keygenRunHarnessAndVerifyEvidenceWorkTogether() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 100);
    Path key = dir.resolve("key.pem");
    Path pub = dir.resolve("key.pub.pem");
    assertThat(run("keygen", "--private", key.toString(), "--public", pub.toString())[0]).isEqualTo("0");
    String[] r = run("run-harness", fx.manifest.toString(), "--root", fx.root.toString(), "--out", dir.resolve("out").toString(),
        "--sign-key", key.toString());
    assertThat(r[0]).isEqualTo("0");
    Path evidence;
    try (Stream<Path> s = Files.list(dir.resolve("out"))) {
      evidence = s.findFirst().orElseThrow();
    }
    assertThat(evidence.resolve("summary.json.sig")).exists();
    assertThat(run("verify-evidence", evidence.toString(), "--public-key", pub.toString())).startsWith("0", "verify-evidence: ok\n");
    Files.writeString(evidence.resolve("checks.jsonl"), "{}\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(run("verify-evidence", evidence.toString(), "--public-key", pub.toString())[0]).isEqualTo("1");
  }

  @Test
  void theDrillCommandRestoresIntoScratch() throws Exception {
    BackfillFixture fx = BackfillFixture.create(dir.resolve("s"), 100);
    Path scratch = dir.resolve("scratch");
    assertThat(run("rollback-drill", fx.manifest.toString(), "--root", fx.root.toString(), "--scratch", scratch.toString()))
        .startsWith("0", "rollback-drill: ok\n");
    assertThat(scratch.resolve("auth/auth.json")).hasSameBinaryContentAs(fx.root.resolve("backups/auth.json.bak"));
  }
}
