package dev.invariantharness.khala.live;

import dev.invariantharness.evidence.Evidence;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.khala.wire.WireForm;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link DeliveryLog}, failing with an INV-07 {@code InvariantViolation} that lists
 * every offending frame (soft: all of them, not just the first) and attaches the log as evidence.
 *
 * <pre>{@code
 * KhalaAssertions.assertThat(log).isOrderedPerTopic().reachedTheAnnouncedHeads();
 * }</pre>
 */
public final class DeliveryLogAssert extends AbstractAssert<DeliveryLogAssert, DeliveryLog> {

  /** The ordering rule, as failure messages state it. */
  public static final String ORDER_RULE = "per topic, seq is monotonic with no gap and no duplicate within one connection";

  public DeliveryLogAssert(DeliveryLog actual) {
    super(actual, DeliveryLogAssert.class);
  }

  /**
   * Per topic (and per data form: the channel may send {@code sync:frame} and
   * {@code sync:update_batch} for the same data), each frame's seq is the previous one plus one.
   */
  public DeliveryLogAssert isOrderedPerTopic() {
    isNotNull();
    Findings findings = Findings.of("INV-07", ORDER_RULE);
    Map<String, Long> last = new HashMap<>();
    int position = 0;
    for (SyncEvent.Frame f : actual.frames()) {
      position++;
      String key = f.topic() + (f.form() == WireForm.CHANNEL_UPDATE_BATCH ? " (update_batch)" : "");
      Long previous = last.get(key);
      if (previous == null) {
        Long resume = actual.resumeAfter().get(f.topic());
        if (resume != null && f.seq() != resume + 1) {
          findings.add(where(position, f), "first frame after resuming at " + resume + " has seq " + f.seq() + ", expected " + (resume + 1));
        }
      } else if (f.seq() == previous) {
        findings.add(where(position, f), "duplicate of seq " + f.seq());
      } else if (f.seq() < previous) {
        findings.add(where(position, f), "seq went back from " + previous + " to " + f.seq());
      } else if (f.seq() > previous + 1) {
        findings.add(where(position, f), "gap: seq " + f.seq() + " follows " + previous + ", missing " + range(previous + 1, f.seq() - 1));
      }
      last.merge(key, f.seq(), Math::max);
    }
    fail(findings);
    return this;
  }

  /** Every topic's frames reach the head the peer announced (no silent hole at the end). */
  public DeliveryLogAssert reachedTheAnnouncedHeads() {
    isNotNull();
    Findings findings = Findings.of("INV-07", "a subscription delivers every frame up to the announced head");
    for (Map.Entry<String, Long> head : actual.heads().entrySet()) {
      long resume = actual.resumeAfter().getOrDefault(head.getKey(), 0L);
      long reached = actual.seqs(head.getKey()).stream().mapToLong(Long::longValue).max().orElse(resume);
      if (reached < head.getValue()) {
        findings.add(head.getKey(), "delivered up to " + reached + " but the peer announced head " + head.getValue());
      }
    }
    fail(findings);
    return this;
  }

  /**
   * After resuming {@code topic} at {@code watermark}, exactly the frames
   * {@code watermark+1 .. head} arrived, each once, in order: nothing re-sent, nothing skipped.
   */
  public DeliveryLogAssert containsExactlyTheFramesAfter(String topic, long watermark) {
    isNotNull();
    Findings findings = Findings.of("INV-07", "resume after a watermark redelivers exactly the frames after it");
    long head = actual.heads().getOrDefault(topic, watermark);
    java.util.List<Long> seqs = actual.seqs(topic);
    java.util.List<Long> expected = java.util.stream.LongStream.rangeClosed(watermark + 1, head).boxed().toList();
    for (long s : seqs) {
      if (s <= watermark) {
        findings.add(topic, "re-sent seq " + s + " although the client resumed after " + watermark);
      }
    }
    java.util.List<Long> missing = expected.stream().filter(s -> !seqs.contains(s)).toList();
    if (!missing.isEmpty()) {
      findings.add(topic, "resumed after " + watermark + " but never delivered " + missing + " (head " + head + ")");
    }
    if (findings.isEmpty() && !seqs.equals(expected)) {
      findings.add(topic, "delivered " + seqs + ", expected exactly " + expected);
    }
    fail(findings);
    return this;
  }

  private void fail(Findings findings) {
    if (!findings.isEmpty()) {
      Evidence.frames("khala-frames", actual.lines());
      findings.assertNone();
    }
  }

  private String where(int position, SyncEvent.Frame f) {
    return actual.peer() + " frame #" + position + " (" + f.topic() + " seq " + f.seq() + ")";
  }

  private static String range(long from, long to) {
    return from == to ? Long.toString(from) : from + ".." + to;
  }
}
