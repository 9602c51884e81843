package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.internal.AtomicFiles;
import dev.invariantharness.evidence.internal.Slugs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The evidence of one check: every call redacts its input with the check's {@link Redactor},
 * writes one file under {@code <staging root>/evidence/<check>/} and returns an
 * {@link EvidenceRef} whose path is relative to the staging root, e.g.
 * {@code evidence/KhalaReplayTest-duplicateFramesAreDiscarded/001-post-internal-v1-runs.http.txt}.
 *
 * <p>Created by the harness for each check and reached through {@link Evidence} from test code;
 * construct one yourself only to use the evidence format outside the harness.
 *
 * <pre>{@code
 * EvidenceLog log = new EvidenceLog(stagingRoot, "KhalaReplayTest.duplicateFramesAreDiscarded", redactor);
 * EvidenceRef ref = log.frames("sync:v1 after resume", frames);
 * }</pre>
 *
 * <ul>
 *   <li><b>Redaction</b>: contents, names (which become file names and link texts) and the check
 *       name are all redacted before anything is written; the whole file is redacted once more
 *       just before writing.
 *   <li><b>Names</b>: file names are {@code NNN-<slug><suffix>}, where the slug keeps only
 *       letters, digits, {@code -} and {@code _}; no name can leave the check's directory. The
 *       check directory is claimed on the first write; if it exists already (two checks with the
 *       same name) {@code -2}, {@code -3}... is appended.
 *   <li><b>Limits</b>: each file holds at most {@code maxFileBytes} (redacted first, then
 *       truncated with a visible note); after {@code maxFiles} files, one note file records how
 *       many further attachments were dropped, and every later call returns its reference.
 *   <li><b>Crash safety</b>: a file appears under its final name only when complete.
 *   <li><b>Threads</b>: safe to call from any thread, e.g. socket callbacks; files are numbered
 *       in call order and {@link #list()} returns them in that order.
 * </ul>
 *
 * <p>Methods throw {@link UncheckedIOException} naming the file when it cannot be written.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EvidenceLog {

  /** Default cap on one evidence file: 1 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;

  /** Default cap on the number of evidence files of one check. */
  public static final int DEFAULT_MAX_FILES = 500;

  /** The directory under the staging root that holds all checks' evidence. */
  public static final String EVIDENCE_DIRECTORY = "evidence";

  private static final int MIN_FILE_BYTES = 256;
  private static final int MAX_NAME_CHARS = 200;
  private static final int MAX_FILE_SLUG = 60;
  private static final int MAX_DIRECTORY_SLUG = 100;

  private final Path stagingRoot;
  private final String checkName;
  private final Redactor redactor;
  private final long maxFileBytes;
  private final int maxFiles;
  private final AtomicInteger sequence = new AtomicInteger();
  private final ConcurrentSkipListMap<Integer, EvidenceRef> refs = new ConcurrentSkipListMap<>();
  private final Object overflowLock = new Object();
  private volatile String directoryName;
  private int dropped;
  private EvidenceRef overflowNote;

  /** A log with the default limits ({@value #DEFAULT_MAX_FILES} files of 1 MiB). */
  public EvidenceLog(Path stagingRoot, String checkName, Redactor redactor) {
    this(stagingRoot, checkName, redactor, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_FILES);
  }

  /**
   * A log writing under {@code stagingRoot/evidence/<slug of checkName>/}.
   *
   * @param stagingRoot the report directory being assembled; evidence paths are relative to it
   * @param checkName the check's id or display name; redacted, then made a safe directory name
   * @param redactor applied to everything before it is written
   * @param maxFileBytes cap on one file in bytes, at least 256
   * @param maxFiles cap on the number of files, at least 1
   * @throws HarnessInputException when a limit is out of range
   */
  public EvidenceLog(Path stagingRoot, String checkName, Redactor redactor, long maxFileBytes, int maxFiles) {
    this.stagingRoot = Objects.requireNonNull(stagingRoot, "stagingRoot");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    if (maxFileBytes < MIN_FILE_BYTES) {
      throw new HarnessInputException("evidence maxFileBytes", "must be at least " + MIN_FILE_BYTES + ", was " + maxFileBytes);
    }
    if (maxFiles < 1) {
      throw new HarnessInputException("evidence maxFiles", "must be at least 1, was " + maxFiles);
    }
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
    // The directory name is derived on the first attachment: most checks attach nothing.
    this.checkName = Objects.requireNonNull(checkName, "checkName");
  }

  /** Attaches plain text, e.g. a log excerpt or a response body. {@code null} content is empty. */
  public EvidenceRef text(String name, String content) {
    return write("text", ".txt", name, "text", content == null ? "" : content);
  }

  /**
   * Attaches an HTTP exchange, rendered by {@link HttpExchange#render()} after redacting its URI,
   * headers and bodies. Its name is the method and path, e.g. {@code POST /internal/v1/runs}.
   */
  public EvidenceRef http(HttpExchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    HttpExchange safe = exchange.redacted(redactor);
    return write("http", ".http.txt", safe.method() + " " + safe.path(), "http", safe.render());
  }

  /**
   * Attaches a sequence of frames (WebSocket messages, log records), one numbered line each;
   * line breaks inside a frame are indented. Each frame is redacted on its own, so an
   * unterminated value in one frame cannot hide the next.
   */
  public EvidenceRef frames(String name, List<String> frames) {
    List<String> all = frames == null ? List.of() : frames;
    StringBuilder b = new StringBuilder();
    b.append("# ").append(all.size()).append(all.size() == 1 ? " frame\n" : " frames\n");
    int i = 0;
    for (String frame : all) {
      String safe = frame == null ? "(null)" : redactor.redact(frame);
      b.append(String.format("%04d  ", ++i)).append(safe.replace("\n", "\n      ")).append('\n');
    }
    return write("frames", ".frames.txt", name, "frames", b.toString());
  }

  /**
   * Attaches a unified diff (3 lines of context) from {@code expected} to {@code actual}, both
   * redacted first, so the diff shows which secrets differ only as markers.
   */
  public EvidenceRef diff(String name, String expected, String actual) {
    String before = redactor.redact(expected == null ? "" : expected);
    String after = redactor.redact(actual == null ? "" : actual);
    String content;
    if (before.equals(after)) {
      content = "(no differences between expected and actual after redaction)\n";
    } else {
      List<String> beforeLines = lines(before);
      Patch<String> patch = DiffUtils.diff(beforeLines, lines(after));
      content = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", beforeLines, patch, 3)) + "\n";
    }
    return write("diff", ".diff.txt", name, "diff", content);
  }

  /** The evidence attached so far, in call order. */
  public List<EvidenceRef> list() {
    return List.copyOf(refs.values());
  }

  /** The redactor everything passes through; modules may use it for their own messages. */
  public Redactor redactor() {
    return redactor;
  }

  /** The staging root evidence paths are relative to. */
  public Path stagingRoot() {
    return stagingRoot;
  }

  private EvidenceRef write(String kind, String suffix, String rawName, String fallbackName, String content) {
    String name = rawName == null ? fallbackName : collapse(redactor.redact(rawName), fallbackName);
    int seq = sequence.incrementAndGet();
    if (seq > maxFiles) {
      return overflow();
    }
    String fileName = String.format("%03d-%s%s", seq, Slugs.fileSlug(name, MAX_FILE_SLUG, fallbackName), suffix);
    byte[] bytes = capped(redactor.redact(content));
    String relative = store(fileName, bytes);
    EvidenceRef ref = new EvidenceRef(name, kind, relative);
    refs.put(seq, ref);
    return ref;
  }

  private EvidenceRef overflow() {
    synchronized (overflowLock) {
      dropped++;
      String fileName = String.format("%03d-evidence-limit-reached.txt", maxFiles + 1);
      String note = "Evidence limit reached: this check attached more than " + maxFiles
          + " files; " + dropped + " further attachment(s) were dropped.\n";
      String relative = store(fileName, note.getBytes(StandardCharsets.UTF_8));
      if (overflowNote == null) {
        overflowNote = new EvidenceRef("evidence limit reached", "text", relative);
        refs.put(maxFiles + 1, overflowNote);
      }
      return overflowNote;
    }
  }

  private String store(String fileName, byte[] bytes) {
    Path dir = null;
    try {
      dir = directory();
      Path target = dir.resolve(fileName);
      if (!target.normalize().getParent().equals(dir.normalize())) {
        throw new IllegalStateException("evidence file name escapes its directory: " + fileName);
      }
      AtomicFiles.write(target, bytes);
    } catch (IOException e) {
      Path where = dir == null ? stagingRoot.resolve(EVIDENCE_DIRECTORY) : dir.resolve(fileName);
      throw new UncheckedIOException("cannot write evidence file " + where + ": " + e.getMessage(), e);
    }
    return EVIDENCE_DIRECTORY + "/" + directoryName + "/" + fileName;
  }

  /** The check's directory, claimed on first use so that two checks never share one. */
  private Path directory() throws IOException {
    String name = directoryName;
    Path parent = stagingRoot.resolve(EVIDENCE_DIRECTORY);
    if (name != null) {
      return parent.resolve(name);
    }
    synchronized (this) {
      if (directoryName == null) {
        String directorySlug = Slugs.directorySlug(redactor.redact(checkName), MAX_DIRECTORY_SLUG, "check");
        Files.createDirectories(parent);
        for (int i = 1; directoryName == null; i++) {
          String candidate = i == 1 ? directorySlug : directorySlug + "-" + i;
          try {
            Files.createDirectory(parent.resolve(candidate));
            directoryName = candidate;
          } catch (FileAlreadyExistsException taken) {
            if (i >= 10_000) {
              throw new IOException("no free evidence directory for " + directorySlug + " under " + parent, taken);
            }
          }
        }
      }
      return parent.resolve(directoryName);
    }
  }

  /** Whitespace and control characters collapsed to single spaces, capped in length. */
  private static String collapse(String s, String fallback) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_NAME_CHARS));
    boolean space = false;
    for (int i = 0; i < s.length() && b.length() < MAX_NAME_CHARS; i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        if (!space && b.length() > 0) {
          b.append(' ');
        }
        space = true;
      } else {
        b.append(c);
        space = false;
      }
    }
    String result = b.toString().strip();
    return result.isEmpty() ? fallback : result;
  }

  private byte[] capped(String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= maxFileBytes) {
      return bytes;
    }
    byte[] note = ("\n[evidence truncated: " + bytes.length + " bytes after redaction, the cap is "
        + maxFileBytes + " bytes per file]\n").getBytes(StandardCharsets.UTF_8);
    int keep = (int) Math.max(0, maxFileBytes - note.length);
    while (keep > 0 && (bytes[keep] & 0xC0) == 0x80) {
      keep--;
    }
    byte[] out = Arrays.copyOf(bytes, keep + note.length);
    System.arraycopy(note, 0, out, keep, note.length);
    return out;
  }

  private static List<String> lines(String text) {
    return Arrays.asList(text.split("\r?\n", -1));
  }
}
