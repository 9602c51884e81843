package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.internal.LocatedEntries;
import dev.invariantharness.config.internal.LocatedEntries.Entry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The entries of an {@code invariant-mitigations.yaml} file, each with the problems that stop it
 * from being accepted. A syntax error fails fast; an incomplete entry is kept and rejected by the
 * gate with a message naming the file, line and missing field, so the failure it meant to cover
 * still blocks.
 *
 * <pre>{@code
 * MitigationFile file = MitigationFile.load(Path.of("invariant-mitigations.yaml"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MitigationFile {

  /**
   * One entry as written.
   *
   * @param mitigation the entry's fields (missing ones null)
   * @param location {@code file:line} of the entry
   * @param problems why the entry cannot be accepted as written (missing or malformed fields);
   *     expiry and escalation class are judged by the gate
   */
  public record Candidate(Mitigation mitigation, String location, List<String> problems) {
    public Candidate {
      problems = List.copyOf(problems);
    }
  }

  private static final Set<String> FIELDS = Set.of("invariant", "check", "owner", "followUp", "reason", "expires");
  private static final List<String> REQUIRED = List.of("invariant", "check", "owner", "followUp", "reason", "expires");

  private final String source;
  private final List<Candidate> candidates;

  private MitigationFile(String source, List<Candidate> candidates) {
    this.source = source;
    this.candidates = List.copyOf(candidates);
  }

  /** No mitigations. */
  public static MitigationFile none() {
    return new MitigationFile("(none)", List.of());
  }

  /** Reads {@code file}; a missing file is an error (the caller decides whether one is expected). */
  public static MitigationFile load(Path file) {
    if (Files.isDirectory(file)) {
      throw new HarnessInputException(file.toString(), "is a directory, expected a mitigation file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(file.toString(), "mitigation file does not exist");
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), -1, "mitigation file cannot be read: " + e, e);
    }
  }

  /** Parses YAML text; {@code source} names it in errors. */
  public static MitigationFile parse(String yaml, String source) {
    return parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), source);
  }

  private static MitigationFile parse(InputStream in, String source) {
    LocatedEntries doc = LocatedEntries.read(in, source, "mitigations", Set.of("schemaVersion"));
    List<Candidate> out = new ArrayList<>();
    for (Entry e : doc.entries()) {
      LocatedEntries.rejectUnknownFields(e, FIELDS, source, "mitigation entry");
      String location = source + ":" + e.line();
      List<String> problems = new ArrayList<>();
      for (String field : REQUIRED) {
        String v = LocatedEntries.text(e, field, source, "mitigation entry");
        if (v == null || v.isBlank()) {
          problems.add("missing '" + field + "'");
        }
      }
      String followUp = LocatedEntries.text(e, "followUp", source, "mitigation entry");
      if (followUp != null && !followUp.isBlank() && !followUp.matches("(?i)https?://\\S+|[A-Za-z][\\w./-]*[#-]\\d+")) {
        problems.add("'followUp' must link the follow-up issue (a URL or an issue key like OA-RUST-143), found '" + followUp + "'");
      }
      LocalDate expires = null;
      String expiresText = LocatedEntries.text(e, "expires", source, "mitigation entry");
      if (expiresText != null && !expiresText.isBlank()) {
        try {
          expires = LocalDate.parse(expiresText.trim());
        } catch (DateTimeParseException ex) {
          problems.add("'expires' must be a date like 2026-12-31, found '" + expiresText + "'");
        }
      }
      out.add(new Candidate(new Mitigation(
          LocatedEntries.text(e, "invariant", source, "mitigation entry"),
          LocatedEntries.text(e, "check", source, "mitigation entry"),
          LocatedEntries.text(e, "owner", source, "mitigation entry"),
          followUp,
          LocatedEntries.text(e, "reason", source, "mitigation entry"),
          expires), location, problems));
    }
    return new MitigationFile(source, out);
  }

  /**
   * Mitigations already accepted elsewhere (e.g. by a module whose report is being merged), as
   * candidates from {@code source}: the gate judges them again (expiry, escalation class).
   */
  public static MitigationFile accepted(List<Mitigation> mitigations, String source) {
    List<Candidate> out = new ArrayList<>();
    for (Mitigation m : mitigations) {
      out.add(new Candidate(m, source, List.of()));
    }
    return new MitigationFile(source, out);
  }

  /** This file's entries followed by {@code other}'s. */
  public MitigationFile plus(MitigationFile other) {
    if (other.candidates.isEmpty()) {
      return this;
    }
    List<Candidate> all = new ArrayList<>(candidates);
    all.addAll(other.candidates);
    return new MitigationFile(candidates.isEmpty() ? other.source : source + ", " + other.source, all);
  }

  /** The file this was read from. */
  public String source() {
    return source;
  }

  /** Every entry, in file order. */
  public List<Candidate> candidates() {
    return candidates;
  }
}
