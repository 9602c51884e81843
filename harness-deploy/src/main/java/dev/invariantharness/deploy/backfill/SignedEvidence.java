package dev.invariantharness.deploy.backfill;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.deploy.backfill.internal.Hashing;
import dev.invariantharness.finding.Findings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.apiguardian.api.API;

/**
 * Signed checksum and count evidence, as the runbook asks: {@code summary.json} lists the SHA-256
 * of every artifact of a harness run; a detached Ed25519 signature ({@code summary.json.sig},
 * base64, JDK built-in) covers {@code summary.json}'s exact bytes.
 *
 * <pre>{@code
 * KeyPair keys = SignedEvidence.generateKeys();
 * SignedEvidence.sign(runDir, keys.getPrivate());
 * SignedEvidence.verify(runDir, keys.getPublic()).assertNone();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SignedEvidence {

  /** The detached signature's file name. */
  public static final String SIGNATURE = "summary.json.sig";

  private SignedEvidence() {}

  /** A new Ed25519 key pair. */
  public static KeyPair generateKeys() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no Ed25519", e);
    }
  }

  /** Writes {@code summary.json.sig} beside {@code dir/summary.json}. */
  public static Path sign(Path dir, PrivateKey key) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(Files.readAllBytes(dir.resolve("summary.json")));
      return Files.writeString(dir.resolve(SIGNATURE), Base64.getEncoder().encodeToString(s.sign()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the signature (when {@code key} is given, a missing signature is a finding) and every
   * artifact hash listed in {@code summary.json}.
   */
  public static Findings verify(Path dir, PublicKey key) {
    Findings f = Findings.of("INV-09", "harness evidence is intact and signed");
    Path summary = dir.resolve("summary.json");
    byte[] bytes;
    JsonNode root;
    try {
      bytes = Files.readAllBytes(summary);
      root = Json.strict().readTree(bytes);
    } catch (IOException e) {
      throw new HarnessInputException(summary.toString(), "is not readable JSON: " + e.getMessage());
    }
    if (key != null) {
      Path sig = dir.resolve(SIGNATURE);
      if (!Files.exists(sig)) {
        f.add(sig.toString(), "signature-missing: no detached signature beside summary.json");
      } else {
        try {
          Signature s = Signature.getInstance("Ed25519");
          s.initVerify(key);
          s.update(bytes);
          byte[] signature = Base64.getDecoder().decode(Files.readString(sig).trim());
          if (!s.verify(signature)) {
            f.add(sig.toString(), "signature-invalid: summary.json does not match its Ed25519 signature");
          }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
          f.add(sig.toString(), "signature-invalid: " + e.getMessage());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    JsonNode artifacts = root.get("artifacts");
    if (artifacts == null || !artifacts.isArray()) {
      throw new HarnessInputException(summary.toString(), "field artifacts is missing or not an array");
    }
    for (JsonNode a : artifacts) {
      String rel = a.path("path").asText();
      String expected = a.path("sha256").asText();
      Path p = dir.resolve(rel).normalize();
      if (!p.startsWith(dir.normalize()) && !Path.of(rel).isAbsolute()) {
        f.add(rel, "artifact-outside-evidence: " + rel + " points outside the evidence directory");
        continue;
      }
      try {
        if (!Files.isRegularFile(p)) {
          f.add(rel, "artifact-missing: " + rel + " is listed in summary.json but absent");
        } else if (!Hashing.sha256(p, HashProgress.SILENT).equals(expected)) {
          f.add(rel, "artifact-hash-mismatch: " + rel + " no longer hashes to " + expected);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return f;
  }

  /** Writes a key as PEM (PKCS#8 for private, X.509 SubjectPublicKeyInfo for public). */
  public static void writePem(java.security.Key key, Path file) {
    String type = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
    try {
      Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a PKCS#8 PEM Ed25519 private key. */
  public static PrivateKey readPrivateKey(Path file) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pem(file, "PRIVATE KEY")));
    } catch (GeneralSecurityException e) {
      throw new HarnessInputException(file.toString(), "is not an Ed25519 PKCS#8 private key: " + e.getMessage());
    }
  }

  /** Reads an X.509 PEM Ed25519 public key. */
  public static PublicKey readPublicKey(Path file) {
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(file, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new HarnessInputException(file.toString(), "is not an Ed25519 public key: " + e.getMessage());
    }
  }

  private static byte[] pem(Path file, String type) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), "cannot be read: " + e.getMessage());
    }
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int b = text.indexOf(begin);
    int e = text.indexOf(end);
    if (b < 0 || e < b) {
      throw new HarnessInputException(file.toString(), "has no " + begin + " block");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
    } catch (IllegalArgumentException ex) {
      throw new HarnessInputException(file.toString(), "PEM body is not base64");
    }
  }
}
