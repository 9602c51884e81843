package dev.invariantharness.catalogue;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.internal.LocatedEntries;
import dev.invariantharness.config.internal.LocatedEntries.Entry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The invariants a run is judged against: data, not code. The default catalogue (INV-01..INV-12
 * from the invariant gates document) ships as a resource; a team extends it with its own ids or
 * replaces it from a file.
 *
 * <pre>{@code
 * InvariantCatalogue catalogue = InvariantCatalogue.defaults()
 *     .extendedWith(Path.of("src/test/resources/invariants.yaml"));
 * Invariant replay = catalogue.require("INV-07");
 * }</pre>
 *
 * <p>A catalogue file ({@code .yaml}, {@code .yml} or {@code .json}):
 *
 * <pre>
 * schemaVersion: 1
 * mode: extend            # or replace; extend is the default
 * invariants:
 *   - id: INV-13
 *     title: Spacetime WS-only live transport
 *     escalation: block-merge
 *     statement: ...
 *   - id: INV-03           # an existing id: the given fields override the default entry
 *     supersededBy: INV-13
 * </pre>
 *
 * <p>Errors name the file and line: syntax errors, unknown fields, missing title or escalation
 * for a new id, unknown escalation classes, duplicate ids, and {@code supersededBy} pointing at
 * an id that does not exist.
 */
@API(status = STABLE, since = "0.1")
public final class InvariantCatalogue {

  /** Classpath location of the default catalogue. */
  public static final String DEFAULT_RESOURCE = "dev/invariantharness/catalogue/invariants.yaml";

  private static final Set<String> FIELDS = Set.of(
      "id", "title", "statement", "escalation", "verification", "appliesTo", "supersededBy", "history");
  private static final Set<String> HEADER = Set.of("schemaVersion", "mode");

  private final Map<String, Invariant> byId;

  private InvariantCatalogue(Map<String, Invariant> byId) {
    this.byId = byId;
  }

  /**
   * The catalogue shipped with the harness: INV-01..INV-12. Read from the resource on every call
   * (a run asks once): no process-wide copy outlives the run or the test that asked.
   */
  public static InvariantCatalogue defaults() {
    try (InputStream in = InvariantCatalogue.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new HarnessInputException("classpath:" + DEFAULT_RESOURCE, "the default catalogue is missing from harness-core");
      }
      return parse(in, "classpath:" + DEFAULT_RESOURCE, new InvariantCatalogue(Map.of()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A catalogue of exactly these invariants. */
  public static InvariantCatalogue of(Collection<Invariant> invariants) {
    Map<String, Invariant> map = new LinkedHashMap<>();
    for (Invariant i : invariants) {
      if (map.put(i.id(), i) != null) {
        throw new IllegalArgumentException("duplicate invariant id " + i.id());
      }
    }
    return new InvariantCatalogue(inOrder(map)).checked(null);
  }

  /**
   * This catalogue with the entries of {@code file} applied: with {@code mode: extend} (default)
   * new ids are added and existing ids are overridden field by field; with {@code mode: replace}
   * the file is the whole catalogue.
   */
  public InvariantCatalogue extendedWith(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString(), this);
    } catch (NoSuchFileException e) {
      throw new HarnessInputException(file.toString(), "catalogue file does not exist");
    } catch (IOException e) {
      throw new HarnessInputException(file.toString(), -1, "catalogue file cannot be read: " + e, e);
    }
  }

  /** The invariant with {@code id}, if the catalogue has it. */
  public Optional<Invariant> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The invariant with {@code id}.
   *
   * @throws HarnessInputException naming the id and the known ids
   */
  public Invariant require(String id) {
    Invariant i = byId.get(id);
    if (i == null) {
      throw new HarnessInputException("invariant id '" + id + "'", unknownIdProblem(id));
    }
    return i;
  }

  /** Whether the catalogue has {@code id}. */
  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  /** A sentence explaining that {@code id} is unknown, listing the known ids. */
  public String unknownIdProblem(String id) {
    return "unknown invariant id '" + id + "'; the catalogue has " + String.join(", ", ids());
  }

  /** Every invariant, in id order. */
  public List<Invariant> all() {
    return byId.values().stream()
        .sorted((a, b) -> compareIds(a.id(), b.id()))
        .collect(Collectors.toUnmodifiableList());
  }

  /** Invariants not superseded by another: the ones coverage is measured against. */
  public List<Invariant> active() {
    return all().stream().filter(i -> !i.isSuperseded()).collect(Collectors.toUnmodifiableList());
  }

  /** Every id, in id order. */
  public List<String> ids() {
    return all().stream().map(Invariant::id).collect(Collectors.toUnmodifiableList());
  }

  private InvariantCatalogue checked(String source) {
    for (Invariant i : byId.values()) {
      if (i.isSuperseded() && !byId.containsKey(i.supersededBy())) {
        throw new HarnessInputException(source == null ? "catalogue" : source,
            i.id() + " is supersededBy '" + i.supersededBy() + "', which is not in the catalogue");
      }
    }
    return this;
  }

  private static InvariantCatalogue parse(InputStream in, String source, InvariantCatalogue base) {
    LocatedEntries doc = LocatedEntries.read(in, source, "invariants", HEADER);
    JsonNode version = doc.header().get("schemaVersion");
    if (version != null && (!version.canConvertToInt() || version.asInt() != 1)) {
      throw new HarnessInputException(source, "schemaVersion " + version + " is not supported; this harness reads catalogue schemaVersion 1");
    }
    JsonNode modeNode = doc.header().get("mode");
    String mode = modeNode == null ? "extend" : modeNode.asText();
    if (!mode.equals("extend") && !mode.equals("replace")) {
      throw new HarnessInputException(source, "mode must be 'extend' or 'replace', found '" + mode + "'");
    }
    Map<String, Invariant> map = new LinkedHashMap<>(mode.equals("replace") ? Map.of() : base.byId);
    Set<String> seen = new HashSet<>();
    for (Entry e : doc.entries()) {
      LocatedEntries.rejectUnknownFields(e, FIELDS, source, "invariant entry");
      String id = LocatedEntries.text(e, "id", source, "invariant entry");
      if (id == null || id.isBlank()) {
        throw new HarnessInputException(source, e.line(), "invariant entry has no 'id'", null);
      }
      String what = "invariant " + id;
      if (!seen.add(id)) {
        throw new HarnessInputException(source, e.line(), what + " is defined twice in this file", null);
      }
      Invariant old = map.get(id);
      String title = LocatedEntries.text(e, "title", source, what);
      String escalationText = LocatedEntries.text(e, "escalation", source, what);
      if (old == null && (title == null || title.isBlank())) {
        throw new HarnessInputException(source, e.line(), what + " has no 'title'", null);
      }
      if (old == null && escalationText == null) {
        throw new HarnessInputException(source, e.line(), what + " has no 'escalation'; expected one of "
            + Arrays.stream(EscalationClass.values()).map(EscalationClass::id).collect(Collectors.joining(", ")), null);
      }
      EscalationClass escalation;
      try {
        escalation = escalationText == null ? old.escalation() : EscalationClass.fromId(escalationText);
      } catch (IllegalArgumentException ex) {
        throw new HarnessInputException(source, e.line(), what + ": " + ex.getMessage(), ex);
      }
      boolean has = e.node().has("appliesTo");
      map.put(id, new Invariant(
          id,
          title != null ? title : old.title(),
          orOld(LocatedEntries.text(e, "statement", source, what), old, Invariant::statement),
          escalation,
          orOld(LocatedEntries.text(e, "verification", source, what), old, Invariant::verification),
          has || old == null ? LocatedEntries.textList(e, "appliesTo", source, what) : old.appliesTo(),
          e.node().has("supersededBy") || old == null
              ? LocatedEntries.text(e, "supersededBy", source, what) : old.supersededBy(),
          e.node().has("history") || old == null
              ? LocatedEntries.textList(e, "history", source, what) : old.history()));
    }
    return new InvariantCatalogue(inOrder(map)).checked(source);
  }

  /**
   * An unmodifiable copy that keeps the given order: {@code Map.copyOf} iterates in an order that
   * differs between JVMs, so which of two problems is reported would too.
   */
  private static Map<String, Invariant> inOrder(Map<String, Invariant> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  private static String orOld(String value, Invariant old, Function<Invariant, String> field) {
    return value != null ? value : old == null ? null : field.apply(old);
  }

  /** Orders INV-2 before INV-10: numeric runs compare as numbers. */
  static int compareIds(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        int c = new BigInteger(a.substring(si, i)).compareTo(new BigInteger(b.substring(sj, j)));
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  @Override
  public String toString() {
    return "InvariantCatalogue" + ids();
  }
}
