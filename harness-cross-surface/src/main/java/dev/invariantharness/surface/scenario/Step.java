package dev.invariantharness.surface.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One named step of a {@link Scenario}: an operation (a proto method, e.g. {@code GetNote}) asked
 * with {@code input} on each of {@code surfaces}, the outcome every surface must give, the values
 * captured from the answer for later steps, and the step's deadline.
 *
 * <p>Strings in {@code input} may name captured values: a string that is exactly
 * {@code "${noteId}"} becomes the captured value (with its JSON type), and {@code "n-${noteId}"}
 * splices its text.
 *
 * @param name the step's name, unique in the scenario
 * @param operation the operation: a method's simple name ({@code GetNote}) or full name
 *     ({@code pkg.NoteService/GetNote})
 * @param input the request as proto JSON (field names as declared or in lowerCamelCase)
 * @param expect the outcome class every surface must give
 * @param surfaces the surfaces that run the step, in order; the first is the reference the others
 *     are compared with
 * @param captures variable name to the JSON pointer read from the reference surface's canonical
 *     answer, e.g. {@code noteId -> /noteId}
 * @param deadline the bound on each call of this step, or null for the scenario's
 * @param invariant the invariant a violation in this step is reported under, or null for the
 *     scenario's first
 * @param volatileFields JSON pointers removed from the answers before this step's comparison, in
 *     addition to the scenario's
 * @param answerTypes surface name to the full name of the proto message type that surface's
 *     answers are parsed into, where it is not the operation's answer type (e.g. the payload type
 *     of a WebSocket topic: {@code ws -> pkg.RunSummary})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Step(String name, String operation, JsonNode input, Expectation expect, List<String> surfaces,
    Map<String, String> captures, Duration deadline, String invariant, List<String> volatileFields, Map<String, String> answerTypes) {

  public Step {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(operation, "operation");
    input = input == null ? JsonNodeFactory.instance.objectNode() : input.deepCopy();
    expect = expect == null ? Expectation.ok() : expect;
    surfaces = List.copyOf(surfaces);
    captures = captures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(captures));
    volatileFields = volatileFields == null ? List.of() : List.copyOf(volatileFields);
    answerTypes = answerTypes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answerTypes));
  }

  /** The deadline, if the step has its own. */
  public Optional<Duration> ownDeadline() {
    return Optional.ofNullable(deadline);
  }

  /** The input as a fresh copy (callers may change it). */
  @Override
  public JsonNode input() {
    return input.deepCopy();
  }
}
