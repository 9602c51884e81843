package dev.invariantharness.runtime.parity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invariantharness.runtime.parity.Severity;
import dev.invariantharness.runtime.parity.TrafficRules;
import java.util.ArrayList;
import java.util.List;

/** {@link TrafficRules} with pointers and route globs compiled once for many exchanges. */
public final class CompiledRules {

  private record Normalise(RouteGlob route, PointerPattern pointer, TrafficRules.Action action, JsonNode value) {}

  private record Classify(RouteGlob route, PointerPattern pointer, Severity severity) {}

  private final List<Normalise> normalise = new ArrayList<>();
  private final List<Classify> classify = new ArrayList<>();
  private final Severity defaultSeverity;
  private final Severity statusSeverity;

  /** Compiles {@code rules}. */
  public CompiledRules(TrafficRules rules) {
    rules.normalise().forEach(r -> normalise.add(new Normalise(RouteGlob.of(r.route()), PointerPattern.parse(r.pointer()), r.action(), r.value())));
    rules.classify().forEach(r -> classify.add(new Classify(RouteGlob.of(r.route()),
        r.pointer() == null ? null : PointerPattern.parse(r.pointer()), r.severity())));
    this.defaultSeverity = rules.defaultSeverity();
    this.statusSeverity = rules.statusSeverity();
  }

  /**
   * A normalised copy of {@code body} for {@code route}. Ignored object members are removed;
   * ignored array elements become {@code null}, so the positions of the others do not shift.
   */
  public JsonNode normalise(String route, JsonNode body) {
    JsonNode copy = null;
    for (Normalise rule : normalise) {
      if (!rule.route().matches(route)) {
        continue;
      }
      List<String> segs = rule.pointer().segments();
      if (segs.isEmpty()) {
        return rule.action() == TrafficRules.Action.IGNORE ? NullNode.getInstance() : rule.value();
      }
      if (copy == null) {
        copy = body.deepCopy();
      }
      apply(copy, segs, 0, rule);
    }
    return copy == null ? body : copy;
  }

  private static void apply(JsonNode node, List<String> segs, int i, Normalise rule) {
    String seg = segs.get(i);
    boolean last = i == segs.size() - 1;
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      if (seg.equals("*")) {
        object.fieldNames().forEachRemaining(keys::add);
      } else if (object.has(seg)) {
        keys.add(seg);
      }
      for (String key : keys) {
        if (!last) {
          apply(object.get(key), segs, i + 1, rule);
        } else if (rule.action() == TrafficRules.Action.IGNORE) {
          object.remove(key);
        } else {
          object.set(key, rule.value());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        if (!seg.equals("*") && !seg.equals(Integer.toString(index))) {
          continue;
        }
        if (!last) {
          apply(array.get(index), segs, i + 1, rule);
        } else {
          array.set(index, rule.action() == TrafficRules.Action.IGNORE ? NullNode.getInstance() : rule.value());
        }
      }
    }
  }

  /** The severity of a body diff at {@code pointer} ({@code null} for a non-JSON body diff). */
  public Severity classify(String route, String pointer) {
    List<String> segs = pointer == null ? null : PointerPattern.split(pointer);
    for (Classify rule : classify) {
      if (!rule.route().matches(route)) {
        continue;
      }
      if (rule.pointer() == null || (segs != null && rule.pointer().coversPointer(segs))) {
        return rule.severity();
      }
    }
    return defaultSeverity;
  }

  /** The severity of a status code diff. */
  public Severity statusSeverity() {
    return statusSeverity;
  }
}
