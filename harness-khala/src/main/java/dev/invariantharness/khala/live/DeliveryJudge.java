package dev.invariantharness.khala.live;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Finding;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.khala.replay.EventKind;
import dev.invariantharness.khala.replay.GapPolicy;
import dev.invariantharness.khala.replay.ReplayReport;
import dev.invariantharness.khala.replay.ReplayViolation;
import dev.invariantharness.khala.replay.internal.ReplayEngine;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routes a live capture through the one INV-07 engine ({@link ReplayEngine}): each topic's
 * delivery opens an at-least-once window from its start, the heads the peer announced (or the
 * publisher reported) close it, and every frame is fed with its wire form, so a
 * {@code sync:update_batch} and a {@code sync:frame} carrying the same update count as one
 * delivery. Duplicates and reordering are counted for evidence; a seq never delivered is the
 * violation.
 */
final class DeliveryJudge {

  /** The forms one delivery may arrive in: canonical frame, compatibility batch, internal lane. */
  private static final int FORMS = 3;

  private DeliveryJudge() {}

  /** The engine's verdict and what it counted. */
  record Verdict(ReplayReport report, List<ReplayEngine.DeliveryStats> stats) {

    /** The violations as findings of INV-07 under {@code rule}. */
    Findings findings(String rule) {
      Findings findings = Findings.of("INV-07", rule);
      for (ReplayViolation v : report.violations()) {
        findings.add(v.topic(), v.description());
      }
      if (report.violationCount() > report.violations().size()) {
        findings.add("(more)", (report.violationCount() - report.violations().size()) + " further violation(s), counted only");
      }
      return findings;
    }

    /** One line per topic: what arrived, for evidence. */
    String statsText() {
      StringBuilder text = new StringBuilder();
      for (ReplayEngine.DeliveryStats s : stats) {
        text.append(s.topic()).append(": after ").append(s.after()).append(" up to ").append(s.head())
            .append(", ").append(s.distinct()).append(" distinct, ").append(s.duplicates()).append(" duplicate(s), ")
            .append(s.reordered()).append(" reordered, ").append(s.otherForm()).append(" in a second wire form\n");
      }
      return text.toString();
    }
  }

  /**
   * Judges {@code frames} (in arrival order, from one connection) against the delivery owed per
   * topic: every seq after {@code starts} up to {@code heads}, at least once.
   *
   * @param resume whether the starts are resume points the client sent (a seq at or below one is
   *     a repeat), or where the server started on its own
   */
  static Verdict judge(String source, List<SyncEvent.Frame> frames, Map<String, Long> starts, Map<String, Long> heads,
      boolean resume) {
    ReplayEngine engine = new ReplayEngine(GapPolicy.KHALA, source, 100, 0);
    long line = 0;
    engine.connection(EventKind.CONNECT, ++line);
    for (Map.Entry<String, Long> start : starts.entrySet()) {
      engine.expectDelivery(start.getKey(), start.getValue(), resume, ++line);
    }
    for (Map.Entry<String, Long> head : heads.entrySet()) {
      if (starts.containsKey(head.getKey())) {
        engine.announceHead(head.getKey(), head.getValue(), ++line);
      }
    }
    for (SyncEvent.Frame f : frames) {
      if (starts.containsKey(f.topic())) {
        engine.sent(f.topic(), f.seq(), form(f.form()), FORMS, ++line);
      }
    }
    ReplayReport report = engine.finish();
    return new Verdict(report, engine.deliveryStats());
  }

  /** Attaches the frames and the counts as evidence, and fails when the verdict has violations. */
  static void assertClean(Verdict verdict, String rule, DeliveryLog log) {
    Findings findings = verdict.findings(rule);
    if (!findings.isEmpty()) {
      Evidence.frames("khala-frames", log.lines());
      Evidence.text("khala-delivery-counts", verdict.statsText());
      findings.assertNone();
    }
  }

  /** The findings of {@code verdict}, for callers that combine them with others. */
  static List<Finding> list(Verdict verdict, String rule) {
    return new ArrayList<>(verdict.findings(rule).list());
  }

  private static int form(WireForm form) {
    return switch (form) {
      case CHANNEL_UPDATE_BATCH -> 1;
      case LANE_MESSAGE -> 2;
      default -> 0;
    };
  }
}
