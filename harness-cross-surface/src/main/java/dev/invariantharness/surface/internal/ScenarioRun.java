package dev.invariantharness.surface.internal;

import dev.invariantharness.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.surface.Answer;
import dev.invariantharness.surface.Operation;
import dev.invariantharness.surface.ParityRow;
import dev.invariantharness.surface.ProtoContract;
import dev.invariantharness.surface.StatusMapping;
import dev.invariantharness.surface.Surface;
import dev.invariantharness.surface.SurfaceCall;
import dev.invariantharness.surface.compare.CanonicalOptions;
import dev.invariantharness.surface.compare.Difference;
import dev.invariantharness.surface.compare.JsonDiff;
import dev.invariantharness.surface.compare.JsonPointers;
import dev.invariantharness.surface.compare.ProtoJson;
import dev.invariantharness.surface.scenario.Expectation;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of a scenario over its surfaces: validated up front (every surface, operation and
 * variable known), then executed step by step on demand, so each test row runs exactly the steps
 * it needs and captured values flow from one step to the next.
 */
public final class ScenarioRun {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
  private static final ObjectMapper JSON = Json.mapper();

  /**
   * A step resolved once, before anything runs: what every execution of it needs that does not
   * change (its request template and whether it has variables, its labels, its volatile fields).
   */
  private record Bound(Step step, Operation operation, List<Surface> surfaces, Map<String, Descriptor> answerTypes, String where,
      JsonNode input, boolean hasVariables, List<String> labels, List<String> volatileFields) {

    Descriptor answerType(Surface s) {
      Descriptor d = answerTypes.get(s.name());
      return d != null ? d : s.answerType(operation);
    }
  }

  private record Outcome(List<ParityRow> rows, RuntimeException error) {}

  private final Scenario scenario;
  private final CanonicalOptions options;
  private final StatusMapping mapping;
  private final List<Bound> steps = new ArrayList<>();
  private final Map<String, JsonNode> variables = new HashMap<>();
  private final Map<String, String> capturedBy = new HashMap<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<Surface> allSurfaces;
  private boolean opened;

  /**
   * Validates {@code scenario} against the contract and surfaces.
   *
   * @throws HarnessInputException naming the scenario and step for an unknown surface, operation,
   *     request field or variable
   */
  public ScenarioRun(Scenario scenario, ProtoContract contract, List<Surface> surfaces, CanonicalOptions options,
      StatusMapping mapping) {
    this.scenario = scenario;
    this.options = options;
    this.mapping = mapping;
    this.allSurfaces = List.copyOf(surfaces);
    Map<String, Surface> byName = new HashMap<>();
    for (Surface s : surfaces) {
      if (byName.put(s.name(), s) != null) {
        throw new IllegalArgumentException("two surfaces are named '" + s.name() + "'");
      }
    }
    Set<String> captured = new LinkedHashSet<>();
    Map<List<Surface>, List<String>> labelsBySurfaces = new HashMap<>();
    for (Step step : scenario.steps()) {
      String where = where(step);
      JsonNode input = step.input();
      Operation op;
      try {
        op = contract.operation(step.operation());
      } catch (IllegalArgumentException e) {
        throw new HarnessInputException(scenario.source(), where + ": " + e.getMessage());
      }
      if (op.clientStreaming()) {
        throw new HarnessInputException(scenario.source(), where + ": operation '" + step.operation() + "' (" + op + ") is "
            + (op.serverStreaming() ? "bidirectional" : "client") + " streaming; scenarios call unary and server-streaming methods only");
      }
      List<Surface> on = new ArrayList<>();
      for (String name : step.surfaces()) {
        Surface s = byName.get(name);
        if (s == null) {
          throw new HarnessInputException(scenario.source(), where + ": names surface '" + name + "', which is not configured (configured: "
              + new TreeSet<>(byName.keySet()) + ")");
        }
        if (on.contains(s)) {
          throw new HarnessInputException(scenario.source(), where + ": names surface '" + name + "' twice");
        }
        Optional<String> why = s.cannotServe(op);
        if (why.isPresent()) {
          throw new HarnessInputException(scenario.source(), where + ": " + why.get());
        }
        on.add(s);
      }
      Set<String> used = variablesIn(input);
      for (String v : used) {
        if (!captured.contains(v)) {
          throw new HarnessInputException(scenario.source(), where + ": uses variable ${" + v + "}, which no earlier step captures"
              + (captured.isEmpty() ? "" : " (captured before: " + captured + ")"));
        }
      }
      for (ProtoJson.Note n : ProtoJson.irregularities(op.inputType(), input, options.withEnumsAsNumbers(true))) {
        if (n.kind() == ProtoJson.NoteKind.UNDECLARED_FIELD || !n.detail().contains("${")) {
          throw new HarnessInputException(scenario.source(), where + ": input " + n.describe(op.inputType().getFullName()));
        }
      }
      Map<String, Descriptor> types = new HashMap<>();
      for (Map.Entry<String, String> t : step.answerTypes().entrySet()) {
        if (!step.surfaces().contains(t.getKey())) {
          throw new HarnessInputException(scenario.source(), where + ": types: names surface '" + t.getKey()
              + "', which the step does not run on (surfaces: " + step.surfaces() + ")");
        }
        Descriptor d = contract.messageType(t.getValue()).orElseThrow(() -> new HarnessInputException(scenario.source(), where
            + ": types: surface '" + t.getKey() + "' answers as '" + t.getValue() + "', which is no message type of " + contract.source()
            + similar(t.getValue(), contract)));
        types.put(t.getKey(), d);
      }
      captured.addAll(step.captures().keySet());
      List<String> volatileFields = new ArrayList<>(scenario.volatileFields());
      volatileFields.addAll(step.volatileFields());
      steps.add(new Bound(step, op, List.copyOf(on), types, where, input, !used.isEmpty(),
          labelsBySurfaces.computeIfAbsent(List.copyOf(on), ScenarioRun::labelsOf), List.copyOf(volatileFields)));
    }
  }

  /** {@code " (message types: a.B, a.C, ...)"}: those whose simple name matches, or the first few. */
  private static String similar(String name, ProtoContract contract) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    List<String> all = contract.messageTypes();
    List<String> alike = all.stream().filter(n -> n.endsWith("." + simple) || n.equals(simple)).toList();
    if (!alike.isEmpty()) {
      return " (did you mean " + String.join(" or ", alike) + "?)";
    }
    return " (message types: " + String.join(", ", all.subList(0, Math.min(8, all.size()))) + (all.size() > 8 ? ", ..." : "") + ")";
  }

  /** The number of steps. */
  public int stepCount() {
    return steps.size();
  }

  /** The row labels of step {@code index}: {@code http ↔ grpc}, ..., or {@code @ ws}. */
  public List<String> labels(int index) {
    return steps.get(index).labels();
  }

  private static List<String> labelsOf(List<Surface> on) {
    if (on.size() == 1) {
      return List.of("@ " + on.get(0).name());
    }
    List<String> out = new ArrayList<>();
    for (int j = 1; j < on.size(); j++) {
      out.add(on.get(0).name() + " ↔ " + on.get(j).name());
    }
    return List.copyOf(out);
  }

  /** The step at {@code index}. */
  public Step step(int index) {
    return steps.get(index).step();
  }

  /** The scenario. */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * Row {@code row} of step {@code index}, running every step up to it first.
   *
   * @throws HarnessInputException when the step's request, once variables are in, is not valid
   */
  public synchronized ParityRow row(int index, int row) {
    while (outcomes.size() <= index) {
      int next = outcomes.size();
      try {
        outcomes.add(new Outcome(execute(next), null));
      } catch (RuntimeException e) {
        outcomes.add(new Outcome(List.of(), e));
      }
    }
    Outcome o = outcomes.get(index);
    if (o.error() != null) {
      throw o.error();
    }
    return o.rows().get(row);
  }

  /** Every row of every step. */
  public List<ParityRow> all() {
    List<ParityRow> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      for (int j = 0; j < labels(i).size(); j++) {
        out.add(row(i, j));
      }
    }
    return out;
  }

  private List<ParityRow> execute(int index) {
    Bound b = steps.get(index);
    if (!opened) {
      opened = true;
      for (Surface s : allSurfaces) {
        s.open(scenario.deadline());
      }
    }
    Step step = b.step();
    String where = b.where();
    String invariant = scenario.invariantOf(step);
    List<String> labels = b.labels();
    List<String> missing = new ArrayList<>();
    JsonNode input = b.hasVariables() ? substitute(b.input(), missing) : b.input();
    if (!missing.isEmpty()) {
      List<ParityRow> rows = new ArrayList<>();
      for (String label : labels) {
        List<Finding> f = new ArrayList<>();
        for (String v : missing) {
          f.add(new Finding(invariant, where, "not run: variable ${" + v + "} was not captured, because step '" + capturedBy(v)
              + "' did not give it"));
        }
        rows.add(new ParityRow(scenario.name(), step.name(), label, invariant, f, List.of(), "", ""));
      }
      return rows;
    }
    DynamicMessage request = request(b, input);
    Duration deadline = scenario.deadlineOf(step);
    SurfaceCall call = new SurfaceCall(scenario.name(), step.name(), b.operation(), input, request, deadline);
    List<Answer> answers = new ArrayList<>();
    List<ProtoJson.Canonical> canonical = new ArrayList<>();
    List<List<Finding>> own = new ArrayList<>();
    for (Surface s : b.surfaces()) {
      Answer a;
      try {
        a = s.call(call);
      } catch (RuntimeException e) {
        a = Answer.none(s.name(), "the surface failed: " + e, Duration.ZERO);
      }
      answers.add(a);
      List<Finding> findings = new ArrayList<>();
      canonical.add(judge(b, s, a, invariant, findings));
      own.add(findings);
    }
    // captured before volatile fields go: a step may capture one (an etag, a timestamp)
    List<Finding> captureFindings = capture(b, answers, canonical, invariant, where);
    // each answer is stripped of its volatile fields once, not once per pair it is in, and in
    // place: the canonical trees were made for this step alone
    List<JsonNode> stable = new ArrayList<>(canonical.size());
    for (ProtoJson.Canonical c : canonical) {
      stable.add(c == null ? null : JsonPointers.removeIn(c.tree(), b.volatileFields()));
    }
    List<ParityRow> rows = new ArrayList<>();
    int n = b.surfaces().size();
    for (int j = n == 1 ? 0 : 1; j < n; j++) {
      List<Finding> findings = new ArrayList<>();
      if (j <= 1) {
        findings.addAll(own.get(0));
      }
      if (j > 0) {
        findings.addAll(own.get(j));
        if (stable.get(0) != null && stable.get(j) != null) {
          String l = b.surfaces().get(0).name();
          String r = b.surfaces().get(j).name();
          if (!b.operation().serverStreaming() || !streamLacksMessages(stable.get(0), stable.get(j), l, r, invariant, where, findings)) {
            for (Difference d : JsonDiff.between(stable.get(0), stable.get(j))) {
              findings.add(new Finding(invariant, where, l + " and " + r + " disagree at " + d.describe(l, r)));
            }
          }
        }
      }
      // the evidence of a row is rendered only when it failed: a clean run pays for comparing, not for printing
      List<String> lines = new ArrayList<>();
      String left = "";
      String right = "";
      if (!findings.isEmpty()) {
        lines.add(line(answers.get(0)));
        left = pretty(stable.get(0));
        if (j > 0) {
          lines.add(line(answers.get(j)));
          right = pretty(stable.get(j));
        }
      }
      rows.add(new ParityRow(scenario.name(), step.name(), labels.get(Math.max(0, j - 1)), invariant, findings, lines, left, right));
    }
    if (!captureFindings.isEmpty()) {
      ParityRow r = rows.get(0);
      List<Finding> all = new ArrayList<>(r.findings());
      all.addAll(captureFindings);
      rows.set(0, new ParityRow(r.scenario(), r.step(), r.label(), r.invariant(), all, r.answers(), r.leftCanonical(), r.rightCanonical()));
    }
    return rows;
  }

  /**
   * The step's request as its input type: read in the same walk that would note undeclared
   * fields; {@code JsonFormat} judges what the walk does not take as plain (and words the error).
   */
  private DynamicMessage request(Bound b, JsonNode input) {
    Descriptor type = b.operation().inputType();
    DynamicMessage.Builder request = DynamicMessage.newBuilder(type);
    List<ProtoJson.Note> notes = new ArrayList<>();
    if (ProtoJsonReader.read(input, type, request, true, notes) && notes.isEmpty()) {
      return request.build();
    }
    request = DynamicMessage.newBuilder(type);
    try {
      JsonFormat.parser().merge(input.toString(), request);
    } catch (InvalidProtocolBufferException e) {
      throw new HarnessInputException(scenario.source(), b.where() + ": input is not a valid " + type.getFullName() + ": "
          + e.getMessage());
    }
    return request.build();
  }

  /** Checks one answer against the expectation; returns its canonical form when it is a usable success. */
  private ProtoJson.Canonical judge(Bound b, Surface s, Answer a, String invariant, List<Finding> findings) {
    String where = b.where() + " on " + s.name();
    Expectation expect = b.step().expect();
    switch (a.kind()) {
      case NO_ANSWER -> {
        findings.add(new Finding(invariant, where, "expected " + expect + ", got " + a.describe()));
        return null;
      }
      case ERROR -> {
        if (expect.isOk()) {
          findings.add(new Finding(invariant, where, "expected ok, answered " + a.describe()));
        } else if (a.httpStatus() > 0 ? !mapping.accepts(expect.code(), a.httpStatus(), a.code()) : a.code() != expect.code()) {
          String wanted = "expected " + expect + (a.httpStatus() > 0 ? " (HTTP " + mapping.httpStatus(expect.code()) + ")" : "");
          String got = a.httpStatus() > 0 && a.code() == null
              ? "answered HTTP " + a.httpStatus() + ", which stands for " + mapping.codes(a.httpStatus())
              : "answered " + a.describe();
          findings.add(new Finding(invariant, where, wanted + ", " + got));
        }
        return null;
      }
      default -> {
        if (!expect.isOk()) {
          findings.add(new Finding(invariant, where, "expected " + expect + (a.httpStatus() > 0 ? " (HTTP " + mapping.httpStatus(expect.code()) + ")" : "")
              + ", answered " + a.describe()));
        }
        Descriptor answerType = b.answerType(s);
        String typeName = answerType.getFullName();
        ProtoJson.Canonical c;
        try {
          if (b.operation().serverStreaming()) {
            c = streamed(answerType, a);
          } else if (a.message() != null) {
            c = ProtoJson.fromMessage(a.message(), options);
          } else if (a.json() == null || a.json().isBlank()) {
            findings.add(new Finding(invariant, where, "answered " + a.describe() + " with an empty body: the step was dropped (a "
                + typeName + " was expected)"));
            return null;
          } else {
            c = ProtoJson.fromJson(answerType, a.json(), options);
          }
        } catch (IllegalArgumentException e) {
          findings.add(new Finding(invariant, where, "answered " + a.describe() + " but the answer is " + e.getMessage() + ": "
              + abbreviate(a.json())));
          return null;
        }
        for (ProtoJson.Note note : c.notes()) {
          String inv = note.kind() == ProtoJson.NoteKind.ENUM_AS_NUMBER ? invariant : options.undeclaredFieldInvariant();
          findings.add(new Finding(inv, where, note.describe(typeName)));
        }
        return c;
      }
    }
  }

  /**
   * A server stream's canonical form: the JSON array of its messages' canonical forms, every
   * message's irregularities noted at {@code /index/...}.
   *
   * @throws IllegalArgumentException when a streamed message is not a valid {@code type}
   */
  private ProtoJson.Canonical streamed(Descriptor type, Answer a) {
    ArrayNode tree = JSON.createArrayNode();
    List<ProtoJson.Note> notes = new ArrayList<>();
    List<JsonNode> texts = new ArrayList<>();
    if (a.json() != null) {
      JsonNode parsed;
      try {
        parsed = JSON.readTree(a.json());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
      }
      if (parsed == null || !parsed.isArray()) {
        throw new IllegalArgumentException("not a stream (a JSON array of messages)");
      }
      parsed.forEach(texts::add);
    }
    int count = a.json() != null ? texts.size() : a.messages().size();
    for (int i = 0; i < count; i++) {
      ProtoJson.Canonical c;
      try {
        c = a.json() != null ? ProtoJson.fromJson(type, texts.get(i), options) : ProtoJson.fromMessage(a.messages().get(i), options);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " (streamed message " + i + ")", e);
      }
      tree.add(c.tree());
      for (ProtoJson.Note n : c.notes()) {
        notes.add(new ProtoJson.Note(n.kind(), "/" + i + (n.path().equals("/") ? "" : n.path()), n.detail()));
      }
    }
    return new ProtoJson.Canonical(tree, null, notes);
  }

  /**
   * When one stream is the other with messages left out (or added), says which, instead of the
   * shifted element-by-element differences that would follow the first gap; true when it did.
   */
  private static boolean streamLacksMessages(JsonNode left, JsonNode right, String l, String r, String invariant, String where,
      List<Finding> findings) {
    if (!left.isArray() || !right.isArray() || left.size() == right.size()) {
      return false;
    }
    boolean leftLonger = left.size() > right.size();
    JsonNode longer = leftLonger ? left : right;
    JsonNode shorter = leftLonger ? right : left;
    List<Integer> gaps = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < longer.size(); i++) {
      if (k < shorter.size() && JsonDiff.between(longer.get(i), shorter.get(k)).isEmpty()) {
        k++;
      } else {
        gaps.add(i);
      }
    }
    String counts = l + " streamed " + left.size() + " message(s), " + r + " " + right.size();
    if (k < shorter.size()) {
      findings.add(new Finding(invariant, where, counts));
      return false;
    }
    String lacking = leftLonger ? r : l;
    String having = leftLonger ? l : r;
    for (int i : gaps) {
      findings.add(new Finding(invariant, where, counts + ": " + lacking + "'s stream lacks " + having + "'s message " + i + " "
          + abbreviate(longer.get(i).toString())));
    }
    return true;
  }

  /** Takes the step's captures from the first usable answer; returns the findings of those that were empty or absent. */
  private List<Finding> capture(Bound b, List<Answer> answers, List<ProtoJson.Canonical> canonical, String invariant, String where) {
    if (b.step().captures().isEmpty()) {
      return List.of();
    }
    int from = -1;
    for (int i = 0; i < canonical.size(); i++) {
      if (canonical.get(i) != null) {
        from = i;
        break;
      }
    }
    List<Finding> extra = new ArrayList<>();
    for (Map.Entry<String, String> c : b.step().captures().entrySet()) {
      capturedBy.put(c.getKey(), b.step().name());
      JsonNode v = from < 0 ? null : JsonPointers.at(canonical.get(from).tree(), c.getValue());
      if (v == null || v.isNull() || v.isMissingNode() || (v.isTextual() && v.asText().isEmpty())) {
        variables.remove(c.getKey());
        if (from >= 0) {
          extra.add(new Finding(invariant, where + " on " + answers.get(from).surface(), "capture '" + c.getKey() + "': "
              + c.getValue() + " is empty or absent in the answer"));
        }
      } else {
        // a copy: the answer's tree is stripped of volatile fields in place afterwards
        variables.put(c.getKey(), v.deepCopy());
      }
    }
    return extra;
  }

  private String capturedBy(String variable) {
    return capturedBy.getOrDefault(variable, "?");
  }

  private JsonNode substitute(JsonNode node, List<String> missing) {
    if (node.isTextual()) {
      String text = node.asText();
      if (text.indexOf("${") < 0) {
        return node;
      }
      Matcher m = VARIABLE.matcher(text);
      if (m.matches()) {
        JsonNode v = variables.get(m.group(1));
        if (v == null) {
          missing.add(m.group(1));
          return node;
        }
        return v;
      }
      StringBuilder sb = new StringBuilder();
      m.reset();
      while (m.find()) {
        JsonNode v = variables.get(m.group(1));
        if (v == null) {
          missing.add(m.group(1));
          m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
        } else {
          m.appendReplacement(sb, Matcher.quoteReplacement(v.asText()));
        }
      }
      m.appendTail(sb);
      return new TextNode(sb.toString());
    }
    if (node instanceof ObjectNode o) {
      ObjectNode out = o.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.set(e.getKey(), substitute(e.getValue(), missing));
      }
      return out;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode out = a.arrayNode();
      a.forEach(x -> out.add(substitute(x, missing)));
      return out;
    }
    return node;
  }

  private static Set<String> variablesIn(JsonNode node) {
    Set<String> out = new LinkedHashSet<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      if (node.textValue().indexOf("${") < 0) {
        return;
      }
      Matcher m = VARIABLE.matcher(node.asText());
      while (m.find()) {
        out.add(m.group(1));
      }
    } else {
      node.forEach(c -> collect(c, out));
    }
  }

  private String where(Step step) {
    return "scenario '" + scenario.name() + "' step '" + step.name() + "'";
  }

  private static String line(Answer a) {
    String body = a.message() != null ? ProtoJson.print(a.message(), CanonicalOptions.standard()).toString()
        : !a.messages().isEmpty() ? a.messages().stream().map(m -> ProtoJson.print(m, CanonicalOptions.standard()).toString())
            .collect(java.util.stream.Collectors.joining(",", "[", "]"))
        : a.json();
    return a.surface() + ": " + a.describe() + " in " + a.elapsed().toMillis() + " ms" + (body == null ? "" : "\n  " + abbreviate(body));
  }

  private static String pretty(JsonNode stable) {
    if (stable == null) {
      return "";
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stable) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return stable.toString();
    }
  }

  private static String abbreviate(String s) {
    if (s == null) {
      return "(nothing)";
    }
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
