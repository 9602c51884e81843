package dev.invariantharness.khala.fake.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * One topic's in-memory event log: payloads at seq 1..head, of which those at or below the
 * retention floor are gone (a resume below the floor is a stale cursor).
 */
public final class TopicLog {

  private final String topic;
  private final List<String> payloads = new ArrayList<>();
  private long floor;
  private long replayBudget = Long.MAX_VALUE;

  public TopicLog(String topic) {
    this.topic = topic;
  }

  public String topic() {
    return topic;
  }

  /** Appends a payload; returns its seq. */
  public synchronized long append(String payload) {
    payloads.add(payload);
    return payloads.size();
  }

  public synchronized long head() {
    return payloads.size();
  }

  /** The oldest watermark a client may resume from; frames above it are retained. */
  public synchronized long floor() {
    return floor;
  }

  public synchronized void floor(long floor) {
    this.floor = floor;
  }

  /** How many events a resume may be behind the head before it is answered stale; unlimited by default. */
  public synchronized long replayBudget() {
    return replayBudget;
  }

  public synchronized void replayBudget(long events) {
    this.replayBudget = events;
  }

  /** The payload at {@code seq} (1-based). */
  public synchronized String payload(long seq) {
    return payloads.get((int) (seq - 1));
  }

  /** Seqs after {@code watermark} up to {@code head}, with payloads. */
  public synchronized List<Entry> after(long watermark, long head) {
    List<Entry> out = new ArrayList<>();
    for (long s = Math.max(watermark, floor) + 1; s <= head; s++) {
      out.add(new Entry(topic, s, payloads.get((int) (s - 1))));
    }
    return out;
  }

  /** One logged event. */
  public record Entry(String topic, long seq, String payload) {}
}
