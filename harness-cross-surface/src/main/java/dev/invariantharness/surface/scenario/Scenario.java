package dev.invariantharness.surface.scenario;

import dev.invariantharness.json.Json;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.surface.internal.ScenarioReader;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * One contract scenario: named steps, each an operation asked on one or more surfaces (HTTP JSON,
 * gRPC, WebSocket, a legacy and a new deployment) whose answers must agree. Written in YAML or
 * JSON, or with the builder:
 *
 * <pre>{@code
 * scenario: note-lifecycle
 * invariants: [INV-01]
 * deadline: 2s
 * volatile: [/updatedAt]
 * steps:
 *   - name: create
 *     operation: CreateNote
 *     surfaces: [http]
 *     input: {title: groceries, kind: NOTE_KIND_TEXT}
 *     capture: {noteId: /noteId}
 *   - name: read back everywhere
 *     operation: GetNote
 *     surfaces: [http, grpc, ws]
 *     input: {noteId: "${noteId}"}
 *   - name: missing note
 *     operation: GetNote
 *     surfaces: [http, grpc]
 *     input: {noteId: no-such-note}
 *     expect: error NOT_FOUND
 * }</pre>
 *
 * <pre>{@code
 * Scenario s = Scenario.named("note-lifecycle").invariants("INV-01")
 *     .step("create", step -> step.operation("CreateNote").on("http")
 *         .input("{\"title\":\"groceries\"}").capture("noteId", "/noteId"))
 *     .step("read back", step -> step.operation("GetNote").on("http", "grpc", "ws")
 *         .input("{\"noteId\":\"${noteId}\"}"))
 *     .build();
 * }</pre>
 *
 * @param name the scenario's name, used in every message
 * @param invariants the invariants a violation is reported under (the first unless a step names its own)
 * @param deadline the default bound on each call
 * @param volatileFields JSON pointers removed from every answer before comparing ({@code *} matches
 *     any array index or field)
 * @param steps the steps, run in order
 * @param source where the scenario came from (a file, or {@code builder})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Scenario(String name, List<String> invariants, Duration deadline, List<String> volatileFields,
    List<Step> steps, String source) {

  /** The default bound on each call when a scenario names none. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  public Scenario {
    Objects.requireNonNull(name, "name");
    invariants = invariants == null || invariants.isEmpty() ? List.of("INV-01") : List.copyOf(invariants);
    deadline = deadline == null ? DEFAULT_DEADLINE : deadline;
    volatileFields = volatileFields == null ? List.of() : List.copyOf(volatileFields);
    steps = List.copyOf(steps);
    source = source == null ? "scenario '" + name + "'" : source;
    Set<String> names = new HashSet<>();
    for (Step s : steps) {
      if (!names.add(s.name())) {
        throw new HarnessInputException(source, "scenario '" + name + "' has two steps named '" + s.name() + "'");
      }
    }
    if (steps.isEmpty()) {
      throw new HarnessInputException(source, "scenario '" + name + "' has no steps");
    }
  }

  /** Reads a scenario from a {@code .yaml}, {@code .yml} or {@code .json} file. */
  public static Scenario load(Path file) {
    return ScenarioReader.read(file);
  }

  /**
   * Reads a scenario from YAML or JSON text; {@code source} names it in messages.
   *
   * @throws HarnessInputException naming the source, the line and what is wrong
   */
  public static Scenario parse(String source, String text) {
    return ScenarioReader.read(source, text);
  }

  /** A builder of a scenario called {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** This scenario with more volatile-field rules (JSON pointers). */
  public Scenario withVolatile(String... pointers) {
    List<String> more = new ArrayList<>(volatileFields);
    more.addAll(Arrays.asList(pointers));
    return new Scenario(name, invariants, deadline, more, steps, source);
  }

  /** The invariant violations of {@code step} are reported under. */
  public String invariantOf(Step step) {
    return step.invariant() != null ? step.invariant() : invariants.get(0);
  }

  /** The deadline of each call of {@code step}. */
  public Duration deadlineOf(Step step) {
    return step.ownDeadline().orElse(deadline);
  }

  /** Builds a {@link Scenario}. */
  public static final class Builder {
    private final String name;
    private final List<String> invariants = new ArrayList<>();
    private final List<String> volatileFields = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private Duration deadline;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The invariants violations are reported under; the first is the default. */
    public Builder invariants(String... ids) {
      invariants.addAll(Arrays.asList(ids));
      return this;
    }

    /** The default bound on each call. */
    public Builder deadline(Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    /** JSON pointers removed from every answer before comparing. */
    public Builder volatileFields(String... pointers) {
      volatileFields.addAll(Arrays.asList(pointers));
      return this;
    }

    /** Adds a step called {@code stepName}, configured by {@code spec}. */
    public Builder step(String stepName, Consumer<StepBuilder> spec) {
      StepBuilder b = new StepBuilder(stepName);
      spec.accept(b);
      steps.add(b.build());
      return this;
    }

    /** The scenario. */
    public Scenario build() {
      return new Scenario(name, invariants, deadline, volatileFields, steps, "builder of scenario '" + name + "'");
    }
  }

  /** Configures one {@link Step}; every method returns {@code this}. */
  public static final class StepBuilder {
    private static final ObjectMapper JSON = Json.strict();
    private final String name;
    private String operation;
    private JsonNode input;
    private Expectation expect = Expectation.ok();
    private final List<String> surfaces = new ArrayList<>();
    private final Map<String, String> captures = new LinkedHashMap<>();
    private final List<String> volatileFields = new ArrayList<>();
    private final Map<String, String> answerTypes = new LinkedHashMap<>();
    private Duration deadline;
    private String invariant;

    private StepBuilder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The operation: a method's simple or full name. */
    public StepBuilder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /** The surfaces that run this step; the first is the reference. */
    public StepBuilder on(String... surfaceNames) {
      surfaces.addAll(Arrays.asList(surfaceNames));
      return this;
    }

    /** The request as proto JSON text. */
    public StepBuilder input(String json) {
      try {
        this.input = JSON.readTree(json);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("step '" + name + "': input is not JSON: " + e.getOriginalMessage(), e);
      }
      return this;
    }

    /** The request as a JSON tree. */
    public StepBuilder input(JsonNode json) {
      this.input = json;
      return this;
    }

    /** The outcome class every surface must give (ok unless set). */
    public StepBuilder expect(Expectation expectation) {
      this.expect = expectation;
      return this;
    }

    /** Every surface must answer with error {@code code}. */
    public StepBuilder expectError(Status.Code code) {
      return expect(Expectation.error(code));
    }

    /** Captures the value at {@code pointer} of the reference answer as {@code variable}. */
    public StepBuilder capture(String variable, String pointer) {
      captures.put(variable, pointer);
      return this;
    }

    /** This step's bound on each call. */
    public StepBuilder deadline(Duration deadline) {
      this.deadline = deadline;
      return this;
    }

    /** The invariant this step's violations are reported under. */
    public StepBuilder invariant(String id) {
      this.invariant = id;
      return this;
    }

    /** JSON pointers removed from this step's answers before comparing. */
    public StepBuilder volatileFields(String... pointers) {
      volatileFields.addAll(Arrays.asList(pointers));
      return this;
    }

    /**
     * Parses {@code surface}'s answers to this step as {@code messageType} (a full proto name the
     * contract declares) rather than as the operation's answer type.
     */
    public StepBuilder answerType(String surface, String messageType) {
      answerTypes.put(surface, messageType);
      return this;
    }

    Step build() {
      if (operation == null || operation.isBlank()) {
        throw new IllegalArgumentException("step '" + name + "' names no operation");
      }
      if (surfaces.isEmpty()) {
        throw new IllegalArgumentException("step '" + name + "' names no surface");
      }
      return new Step(name, operation, input, expect, surfaces, captures, deadline, invariant, volatileFields, answerTypes);
    }
  }
}
