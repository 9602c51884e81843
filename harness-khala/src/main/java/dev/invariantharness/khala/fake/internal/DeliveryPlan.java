package dev.invariantharness.khala.fake.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Turns the frames a subscribe should replay into what one connection actually sends. */
final class DeliveryPlan {

  private DeliveryPlan() {}

  /**
   * Interleaves the topics' replays round-robin (there is no order across topics), then applies
   * resume defects (every connection) and delivery faults (faulty connections only).
   */
  static List<TopicLog.Entry> plan(Map<String, List<TopicLog.Entry>> replay, Map<String, Long> resumeAfter,
      Map<String, TopicLog> logs, Faults faults, boolean faulty, Random random) {
    List<List<TopicLog.Entry>> perTopic = new ArrayList<>();
    for (Map.Entry<String, List<TopicLog.Entry>> e : replay.entrySet()) {
      List<TopicLog.Entry> frames = new ArrayList<>(e.getValue());
      long w = resumeAfter.getOrDefault(e.getKey(), 0L);
      if (w > 0 && faults.skipFirstOnResume() && !frames.isEmpty()) {
        frames.remove(0);
      }
      if (w > 0 && faults.resendWatermarkOnResume()) {
        TopicLog log = logs.get(e.getKey());
        frames.add(0, new TopicLog.Entry(e.getKey(), w, log.payload(w)));
      }
      perTopic.add(frames);
    }
    List<TopicLog.Entry> out = new ArrayList<>();
    for (int i = 0; ; i++) {
      boolean any = false;
      for (List<TopicLog.Entry> t : perTopic) {
        if (i < t.size()) {
          out.add(t.get(i));
          any = true;
        }
      }
      if (!any) {
        break;
      }
    }
    if (!faulty) {
      return out;
    }
    if (faults.gaps() > 0) {
      out.removeIf(e -> random.nextDouble() < faults.gaps());
    }
    if (faults.duplicates() > 0) {
      List<TopicLog.Entry> dup = new ArrayList<>(out.size() + out.size() / 4);
      for (TopicLog.Entry e : out) {
        dup.add(e);
        if (random.nextDouble() < faults.duplicates()) {
          dup.add(e);
        }
      }
      out = dup;
    }
    int w = faults.reorderWindow();
    if (w > 1) {
      for (int start = 0; start < out.size(); start += w) {
        Collections.shuffle(out.subList(start, Math.min(out.size(), start + w)), random);
      }
    }
    return out;
  }
}
