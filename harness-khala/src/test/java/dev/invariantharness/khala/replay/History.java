package dev.invariantharness.khala.replay;

import java.util.List;

/**
 * A generated frame log with the policy it is checked under; prints one numbered event per line,
 * so a shrunk counterexample reads like the log file it stands for.
 */
record History(GapPolicy policy, List<ReplayEvent> events) {

  History {
    events = List.copyOf(events);
  }

  ReplayReport check() {
    return ReplayCheck.of(policy).keepingAtMost(Integer.MAX_VALUE)
        .check(FrameLog.of("generated", events));
  }

  /** The checker's verdict in the reference model's terms: {@code line N topic KIND}. */
  List<String> checkerVerdict() {
    return check().violations().stream()
        .map(v -> "line " + v.line() + " " + v.topic() + " " + v.kind())
        .toList();
  }

  List<String> referenceVerdict() {
    return ReferenceReplayModel.verdict(policy, events);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("History(policy ").append(policy).append(", ")
        .append(events.size()).append(" events)");
    for (int i = 0; i < events.size(); i++) {
      text.append(String.format("%n  %3d  %s", i + 1, events.get(i)));
    }
    return text.toString();
  }
}
