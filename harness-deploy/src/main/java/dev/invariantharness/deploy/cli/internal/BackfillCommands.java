package dev.invariantharness.deploy.cli.internal;

import dev.invariantharness.deploy.backfill.BackfillManifest;
import dev.invariantharness.deploy.backfill.CountBaseline;
import dev.invariantharness.deploy.backfill.HarnessRun;
import dev.invariantharness.deploy.backfill.ManifestVerifier;
import dev.invariantharness.deploy.backfill.RollbackDrill;
import dev.invariantharness.deploy.backfill.SignedEvidence;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.Findings;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The backfill subcommands. */
public final class BackfillCommands {

  private BackfillCommands() {}

  static int report(CommandSpec spec, String what, Findings f) {
    PrintWriter out = spec.commandLine().getOut();
    if (f.isEmpty()) {
      out.println(what + ": ok");
      return 0;
    }
    for (Finding x : f.list()) {
      out.println(x.invariant() + " " + x.location() + ": " + x.message());
    }
    out.println(what + ": " + f.list().size() + " finding(s)");
    return 1;
  }

  abstract static class ManifestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MANIFEST", description = "backfill manifest JSON")
    Path manifest;

    @Option(names = "--root", description = "directory relative store paths resolve against (default: current directory)")
    Path root = Path.of("");

    Path root() {
      return root.toAbsolutePath();
    }
  }

  /** {@code verify MANIFEST [--baseline FILE] [--root DIR]}. */
  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify after-hashes and count keys of a backfill manifest against the stores.")
  public static final class Verify extends ManifestCommand {
    @Option(names = "--baseline", description = "count baseline JSON (default: the seed's count keys)")
    Path baseline;

    @Override
    public Integer call() {
      CountBaseline b = baseline == null ? CountBaseline.defaults() : CountBaseline.read(baseline);
      return report(spec, "verify", ManifestVerifier.against(b).withProgress(ConsoleProgress.to(System.err))
          .verify(BackfillManifest.read(manifest), root()));
    }
  }

  /** {@code rollback-drill MANIFEST --scratch DIR}. */
  @Command(name = "rollback-drill", mixinStandardHelpOptions = true,
      description = "Restore every store from its backup into scratch copies and check before_sha256.")
  public static final class Drill extends ManifestCommand {
    @Option(names = "--scratch", required = true, description = "directory for the restored copies")
    Path scratch;

    @Override
    public Integer call() {
      return report(spec, "rollback-drill", RollbackDrill.into(scratch).withProgress(ConsoleProgress.to(System.err))
          .run(BackfillManifest.read(manifest), root()));
    }
  }

  /** {@code rollback MANIFEST}: the real, in-place rollback. */
  @Command(name = "rollback", mixinStandardHelpOptions = true,
      description = "Restore every store in place from its verified backup (atomic per store).")
  public static final class Rollback extends ManifestCommand {
    @Override
    public Integer call() {
      return report(spec, "rollback", RollbackDrill.inPlace().withProgress(ConsoleProgress.to(System.err))
          .run(BackfillManifest.read(manifest), root()));
    }
  }

  /** {@code run-harness MANIFEST --out DIR [--sign-key KEY]}. */
  @Command(name = "run-harness", mixinStandardHelpOptions = true,
      description = "Run every mixed-version check and write checks.jsonl, summary.json, SUMMARY.md (optionally signed).")
  public static final class RunHarness extends ManifestCommand {
    @Option(names = "--out", required = true, description = "artifact root; a timestamped directory is made in it")
    Path out;

    @Option(names = "--baseline", description = "count baseline JSON")
    Path baseline;

    @Option(names = "--sign-key", description = "Ed25519 PKCS#8 PEM private key to sign summary.json with")
    Path signKey;

    @Option(names = "--runbook", description = "runbook that must be present")
    Path runbook;

    @Override
    public Integer call() {
      HarnessRun run = HarnessRun.of(manifest, root())
          .baseline(baseline == null ? CountBaseline.defaults() : CountBaseline.read(baseline))
          .withProgress(ConsoleProgress.to(System.err));
      if (signKey != null) {
        run.signWith(SignedEvidence.readPrivateKey(signKey));
      }
      if (runbook != null) {
        run.runbook(runbook);
      }
      HarnessRun.Result r = run.writeInto(out);
      PrintWriter w = spec.commandLine().getOut();
      r.checks().forEach(c -> w.println((c.passed() ? "pass " : "FAIL ") + c.checkId() + ": " + c.reason()));
      w.println("artifacts: " + r.directory().resolve("summary.json"));
      return r.passed() ? 0 : 1;
    }
  }

  /** {@code verify-evidence DIR [--public-key KEY]}. */
  @Command(name = "verify-evidence", mixinStandardHelpOptions = true,
      description = "Check the Ed25519 signature of summary.json and the SHA-256 of every listed artifact.")
  public static final class VerifyEvidence implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "a run-harness output directory")
    Path dir;

    @Option(names = "--public-key", description = "Ed25519 public key PEM; without it only hashes are checked")
    Path publicKey;

    @Override
    public Integer call() {
      return report(spec, "verify-evidence",
          SignedEvidence.verify(dir, publicKey == null ? null : SignedEvidence.readPublicKey(publicKey)));
    }
  }

  /** {@code keygen --private FILE --public FILE}. */
  @Command(name = "keygen", mixinStandardHelpOptions = true, description = "Generate an Ed25519 key pair for signing evidence.")
  public static final class Keygen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--private", required = true, description = "where to write the PKCS#8 PEM private key")
    Path privateKey;

    @Option(names = "--public", required = true, description = "where to write the public key PEM")
    Path publicKey;

    @Override
    public Integer call() throws Exception {
      KeyPair keys = SignedEvidence.generateKeys();
      SignedEvidence.writePem(keys.getPrivate(), privateKey);
      try {
        Files.setPosixFilePermissions(privateKey, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the user's own ACLs apply
      }
      SignedEvidence.writePem(keys.getPublic(), publicKey);
      spec.commandLine().getOut().println("wrote " + privateKey + " and " + publicKey);
      return 0;
    }
  }
}
