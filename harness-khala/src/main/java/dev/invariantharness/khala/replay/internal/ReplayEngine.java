package dev.invariantharness.khala.replay.internal;

import dev.invariantharness.khala.replay.ApplyDecision;
import dev.invariantharness.khala.replay.EventKind;
import dev.invariantharness.khala.replay.GapPolicy;
import dev.invariantharness.khala.replay.ReplayReport;
import dev.invariantharness.khala.replay.ReplayViolation;
import dev.invariantharness.khala.replay.ViolationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The INV-07 checker as a streaming state machine: feed it a log's events in order, each with
 * its line, then {@link #finish()}. Memory is one {@link TopicState} per topic (fixed size, holes
 * bounded) plus the kept violations; the number of frames does not matter.
 *
 * <p>The client's side: a frame is applied or discarded against the topic's watermark by the
 * reference decision {@link GapPolicy#decide(long, long)}; applying a frame the decision discards
 * is a duplicate (or an out-of-order apply when it fills a hole), applying one it resyncs is a
 * gap applied, discarding one it applies is a lost frame. The server's side: after a resume at
 * watermark W, and until the connection ends or the topic is reset, the server sends no seq at or
 * below W on the topic, and its first frames are exactly W+1 up to the highest seq it had sent
 * before the resume, in order; after those, live delivery is at least once. At the end, a client that misses seqs (holes,
 * or frames sent but never applied) has a silent hole.
 */
public final class ReplayEngine {

  private static final int MAX_HOLES_LISTED = 5;
  private static final int CONNECTION_CONTEXT = 2;

  private final GapPolicy policy;
  private final String source;
  private final int contextSize;
  private final ViolationSink sink;
  private final Map<String, TopicState> topics = new HashMap<>();
  private final List<TopicState> topicsInOrder = new ArrayList<>();
  private TopicState lastTopic;

  /** Counts connects and disconnects: a replay belongs to the connection it started on. */
  private long connection;
  private final long[] connectionLines = new long[CONNECTION_CONTEXT];
  private final EventKind[] connectionKinds = new EventKind[CONNECTION_CONTEXT];
  private int connectionNext;

  private long events;
  private long lastLine;

  /**
   * @param policy the gap policy to check against
   * @param source the log's name for the report
   * @param maxKept how many violations to keep in full
   * @param contextSize how many previous events of a topic to show with a violation
   */
  public ReplayEngine(GapPolicy policy, String source, int maxKept, int contextSize) {
    this.policy = policy;
    this.source = source;
    this.contextSize = contextSize;
    this.sink = new ViolationSink(maxKept);
  }

  /** Feeds one event; {@code value} is the seq or watermark, ignored for connect/disconnect. */
  public void accept(EventKind kind, String topic, long value, long line) {
    switch (kind) {
      case SENT -> sent(topic, value, line);
      case APPLIED -> applied(topic, value, line);
      case DISCARDED -> discarded(topic, value, line);
      case CONNECT, DISCONNECT -> connection(kind, line);
      case RESUME -> resume(topic, value, line);
      case RESET, SNAPSHOT -> reset(kind, topic, value, line);
    }
  }

  /** The server sent {@code (topic, seq)}. */
  public void sent(String topic, long seq, long line) {
    sentTo(enter(topic, line), seq, line);
  }

  /**
   * The server sent {@code (topic, seq)} in wire form {@code form} (0 ≤ form &lt; {@code forms}).
   * One delivery may arrive in several forms (the channel sends {@code sync:update_batch} and
   * {@code sync:frame} for the same data): a seq counts as delivered as often as the form that
   * carried it most often, so its copy in another form is the same delivery, and only a second
   * copy in one form is a duplicate.
   */
  public void sent(String topic, long seq, int form, int forms, long line) {
    TopicState t = enter(topic, line);
    if (t.formCounts == null) {
      t.formCounts = new HashMap<>();
    }
    int[] counts = t.formCounts.computeIfAbsent(seq, s -> new int[forms]);
    counts[form]++;
    int others = 0;
    for (int f = 0; f < counts.length; f++) {
      if (f != form) {
        others = Math.max(others, counts[f]);
      }
    }
    if (counts[form] <= others) {
      t.otherForm++;
      t.remember(EventKind.SENT, seq, line);
      return;
    }
    sentTo(t, seq, line);
  }

  /**
   * The server owes every seq after {@code after} on {@code topic}, at least once, on the current
   * connection, up to the head ({@link #announceHead}); duplicates and reordering are allowed.
   * With {@code resume}, {@code after} is a resume point: a seq at or below it is a repeat.
   */
  public void expectDelivery(String topic, long after, boolean resume, long line) {
    TopicState t = enter(topic, line);
    if (t.deliveryOpen(connection)) {
      closeDelivery(t);
    }
    t.deliverConnection = connection;
    t.deliverAfter = after;
    t.deliverEnd = after;
    t.deliverLine = line;
    t.deliverIsResume = resume;
    t.deliveredHigh = after;
    if (t.owed != null) {
      t.owed.clear();
    }
    t.duplicates = 0;
    t.reordered = 0;
    t.otherForm = 0;
    t.distinct = 0;
    t.remember(resume ? EventKind.RESUME : EventKind.SENT, after, line);
  }

  /**
   * The head of {@code topic} is at least {@code head}: announced by the server (a reply's
   * {@code current_watermarks}, a heartbeat, {@code head_watermarks}) or known from the publisher.
   * An open delivery owes up to it, and a client that ends below it has a silent hole.
   */
  public void announceHead(String topic, long head, long line) {
    TopicState t = enter(topic, line);
    if (t.deliveryOpen(connection) && head > t.deliverEnd) {
      t.deliverEnd = head;
    }
    if (head > t.highestSent) {
      t.highestSent = head;
    }
  }

  /**
   * What the at-least-once deliveries saw, per topic with one: distinct seqs, duplicates,
   * reorderings and copies in a second wire form — evidence, not violations.
   */
  public List<DeliveryStats> deliveryStats() {
    List<DeliveryStats> out = new ArrayList<>();
    for (TopicState t : topicsInOrder) {
      if (t.deliverLine > 0) {
        out.add(new DeliveryStats(t.topic, t.deliverAfter, Math.max(t.deliverEnd, t.deliveredHigh), t.distinct,
            t.duplicates, t.reordered, t.otherForm));
      }
    }
    return out;
  }

  /**
   * One topic's at-least-once delivery, for evidence.
   *
   * @param topic the topic
   * @param after the delivery's start (resume point)
   * @param head the highest seq owed or delivered
   * @param distinct distinct seqs delivered
   * @param duplicates further copies of a delivered seq in the same form
   * @param reordered seqs that arrived after a higher one
   * @param otherForm copies of a delivery in a second wire form
   */
  public record DeliveryStats(String topic, long after, long head, long distinct, long duplicates, long reordered,
      long otherForm) {}

  private void sentTo(TopicState t, long seq, long line) {
    if (t.deliverConnection == connection) {
      delivered(t, seq, line);
    }
    if (t.resumeConnection == connection) {
      long next = t.replayNext;
      if (seq <= t.resumeWatermark) {
        replayRepeated(t, seq, line);
      } else if (next <= t.replayEnd) {
        if (seq == next) {
          t.replayNext = next + 1;
        } else if (seq > next) {
          replaySkipped(t, seq, line);
          t.replayNext = seq + 1;
        } else {
          replayRepeated(t, seq, line);
        }
      }
    }
    if (seq > t.highestSent) {
      t.highestSent = seq;
    }
    t.remember(EventKind.SENT, seq, line);
  }

  /** The client applied {@code (topic, seq)}. */
  public void applied(String topic, long seq, long line) {
    TopicState t = enter(topic, line);
    t.clientSide = true;
    t.established = true;
    long watermark = t.watermark;
    // identity tests rather than an enum switch: this is the per-frame path
    ApplyDecision decision = policy.decide(watermark, seq);
    if (decision == ApplyDecision.APPLY) {
      if (seq != watermark + 1) {
        t.holes().add(watermark + 1, seq - 1, line);
      }
      t.watermark = seq;
    } else if (decision == ApplyDecision.DISCARD) {
      long skippedAt = t.holes == null ? -1 : t.holes.fill(seq);
      if (skippedAt >= 0) {
        outOfOrder(t, seq, skippedAt, line);
      } else {
        duplicate(t, seq, line);
      }
    } else {
      gapApplied(t, seq, line);
      t.holes().add(watermark + 1, seq - 1, line);
      t.watermark = seq;
    }
    t.remember(EventKind.APPLIED, seq, line);
  }

  /** The client discarded {@code (topic, seq)}. */
  public void discarded(String topic, long seq, long line) {
    TopicState t = enter(topic, line);
    t.clientSide = true;
    if (policy.decide(t.watermark, seq) == ApplyDecision.APPLY) {
      newFrameDiscarded(t, seq, line);
    }
    t.remember(EventKind.DISCARDED, seq, line);
  }

  /** The client resumed {@code topic} after {@code watermark}. */
  public void resume(String topic, long watermark, long line) {
    TopicState t = enter(topic, line);
    if (!t.established) {
      // the log starts here for this topic: the resume declares what the client already has
      t.established = true;
      t.watermark = watermark;
      t.baseWatermark = watermark;
      t.baseLine = line;
      t.baseKind = EventKind.RESUME;
    } else if (watermark > t.watermark) {
      resumeAhead(t, watermark, line);
    } else if (watermark < t.watermark) {
      watermarkBackwards(t, watermark, line);
    }
    t.resumeWatermark = watermark;
    t.resumeLine = line;
    t.replayNext = watermark + 1;
    t.replayEnd = t.highestSent;
    t.resumeConnection = connection;
    t.remember(EventKind.RESUME, watermark, line);
  }

  /** The client reset {@code topic} to {@code watermark} ({@code kind} is RESET or SNAPSHOT). */
  public void reset(EventKind kind, String topic, long watermark, long line) {
    TopicState t = enter(topic, line);
    t.clientSide = true;
    t.established = true;
    t.watermark = watermark;
    if (t.holes != null) {
      t.holes.clear();
    }
    t.baseWatermark = watermark;
    t.baseLine = line;
    t.baseKind = kind;
    t.endResume();
    t.remember(kind, watermark, line);
  }

  /** A connection opened or closed ({@code kind} is CONNECT or DISCONNECT): replays end. */
  public void connection(EventKind kind, long line) {
    for (TopicState t : topicsInOrder) {
      if (t.deliveryOpen(connection)) {
        closeDelivery(t);
      }
    }
    events++;
    lastLine = line;
    connection++;
    connectionLines[connectionNext] = line;
    connectionKinds[connectionNext] = kind;
    connectionNext = (connectionNext + 1) % CONNECTION_CONTEXT;
  }

  /** Runs the end-of-log checks and returns the verdict. */
  public ReplayReport finish() {
    for (TopicState t : topicsInOrder) {
      if (t.deliveryOpen(connection)) {
        closeDelivery(t);
      }
      if (t.replayInProgress(connection)) {
        replayUnfinished(t);
      }
      if (t.clientSide && (t.hasHoles() || t.highestSent > t.watermark)) {
        silentHole(t);
      }
    }
    return new ReplayReport(source, policy, events, topicsInOrder.size(), sink.total(),
        sink.countsByKind(), sink.kept());
  }

  private void delivered(TopicState t, long seq, long line) {
    if (seq <= t.deliverAfter) {
      if (t.deliverIsResume) {
        if (!sink.wantsDetail()) {
          sink.count(ViolationKind.RESUME_REPEATED_FRAMES);
          return;
        }
        report(ViolationKind.RESUME_REPEATED_FRAMES, t, line, "re-sent seq " + seq + " although the client resumed after "
            + t.deliverAfter + " (line " + t.deliverLine + "): a resume redelivers only the frames after the watermark");
      } else {
        t.duplicates++;
      }
    } else if (seq > t.deliveredHigh) {
      if (seq > t.deliveredHigh + 1) {
        t.owed().add(t.deliveredHigh + 1, seq - 1, line);
      }
      t.deliveredHigh = seq;
      t.distinct++;
    } else if (t.owed != null && t.owed.fill(seq) >= 0) {
      t.reordered++;
      t.distinct++;
    } else {
      t.duplicates++;
    }
  }

  /** Ends the open delivery of {@code t}: whatever it still owes is a hole. */
  private void closeDelivery(TopicState t) {
    t.deliverConnection = -1;
    boolean tail = t.deliveredHigh < t.deliverEnd;
    if (!tail && (t.owed == null || t.owed.isEmpty())) {
      return;
    }
    ViolationKind kind = t.deliverIsResume ? ViolationKind.RESUME_SKIPPED_FRAMES : ViolationKind.NOT_DELIVERED;
    if (!sink.wantsDetail()) {
      sink.count(kind);
      return;
    }
    StringBuilder missing = new StringBuilder();
    long missingCount = 0;
    if (t.owed != null) {
      int listed = Math.min(t.owed.size(), MAX_HOLES_LISTED);
      for (int i = 0; i < t.owed.size(); i++) {
        missingCount += t.owed.to(i) - t.owed.from(i) + 1;
        if (i < listed) {
          missing.append(missing.length() == 0 ? "" : ", ").append(seqs(t.owed.from(i), t.owed.to(i)))
              .append(" (skipped at line ").append(t.owed.line(i)).append(')');
        }
      }
      if (t.owed.size() > listed) {
        missing.append(", and ").append(t.owed.size() - listed).append(" more gap(s)");
      }
      missingCount += t.owed.untrackedSeqs();
    }
    if (tail) {
      missingCount += t.deliverEnd - t.deliveredHigh;
      missing.append(missing.length() == 0 ? "" : ", ").append(seqs(t.deliveredHigh + 1, t.deliverEnd))
          .append(" (the tail up to the head)");
    }
    String start = t.deliverIsResume ? "resumed after " + t.deliverAfter : "delivery from seq " + (t.deliverAfter + 1);
    report(kind, t, lastLine, start + " (line " + t.deliverLine + ") up to head " + t.deliverEnd + ": " + missingCount
        + " seq(s) never arrived: " + missing + "; delivered " + t.distinct + " distinct seq(s), " + t.duplicates
        + " duplicate(s), " + t.reordered + " reordered, " + t.otherForm + " copy(ies) in a second wire form"
        + " — at-least-once delivery allows duplicates and reordering, not a silent hole");
  }

  private TopicState enter(String topic, long line) {
    events++;
    lastLine = line;
    TopicState t = lastTopic;
    // identity only: cheap, and frames from one producer usually share the topic's String
    if (t == null || t.topic != topic) {
      t = topics.get(topic);
      if (t == null) {
        t = new TopicState(topic, contextSize);
        topics.put(topic, t);
        topicsInOrder.add(t);
      }
      lastTopic = t;
    }
    return t;
  }

  // ---- violations: counted always, described only while they are kept ----

  private void duplicate(TopicState t, long seq, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.DUPLICATE_APPLY);
      return;
    }
    String why = seq <= t.baseWatermark
        ? "is covered by the " + t.baseKind + " at watermark " + t.baseWatermark + " (line "
            + t.baseLine + ")"
        : "was applied before";
    report(ViolationKind.DUPLICATE_APPLY, t, line, "applied seq " + seq
        + " again: it is at or below last_applied_seq " + t.watermark + " and " + why
        + "; expected it to be discarded");
  }

  private void outOfOrder(TopicState t, long seq, long skippedAt, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.OUT_OF_ORDER_APPLY);
      return;
    }
    report(ViolationKind.OUT_OF_ORDER_APPLY, t, line, "applied seq " + seq + " after seq "
        + t.watermark + ": seq " + seq + " was skipped at line " + skippedAt
        + " and is below last_applied_seq " + t.watermark + "; expected it to be discarded, and"
        + " the gap filled by a reset and replay or by a snapshot");
  }

  private void gapApplied(TopicState t, long seq, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.GAP_APPLIED);
      return;
    }
    long w = t.watermark;
    report(ViolationKind.GAP_APPLIED, t, line, "applied seq " + seq + " with last_applied_seq "
        + w + " under the strict gap policy: only seq " + (w + 1) + " may apply; expected a"
        + " resync (resume after " + w + ", or a snapshot) to fetch " + seqs(w + 1, seq - 1)
        + " first");
  }

  private void newFrameDiscarded(TopicState t, long seq, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.NEW_FRAME_DISCARDED);
      return;
    }
    long w = t.watermark;
    String rule = policy == GapPolicy.KHALA
        ? "the khala gap policy applies every seq above last_applied_seq"
        : "under the strict gap policy the next seq after last_applied_seq applies";
    report(ViolationKind.NEW_FRAME_DISCARDED, t, line, "discarded seq " + seq
        + " with last_applied_seq " + w + "; expected it to be applied (" + rule + ")");
  }

  private void resumeAhead(TopicState t, long watermark, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.RESUME_SKIPPED_FRAMES);
      return;
    }
    long w = t.watermark;
    report(ViolationKind.RESUME_SKIPPED_FRAMES, t, line, "resumed after watermark " + watermark
        + " but last_applied_seq is " + w + ": " + seqs(w + 1, watermark)
        + " will never be redelivered; expected to resume after " + w);
  }

  private void watermarkBackwards(TopicState t, long watermark, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.WATERMARK_BACKWARDS);
      return;
    }
    long w = t.watermark;
    report(ViolationKind.WATERMARK_BACKWARDS, t, line, "resumed after watermark " + watermark
        + " but last_applied_seq is " + w + ", without a reset or snapshot: the watermark went"
        + " backwards; expected to resume after " + w);
  }

  private void replaySkipped(TopicState t, long seq, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.RESUME_SKIPPED_FRAMES);
      return;
    }
    long next = t.replayNext;
    report(ViolationKind.RESUME_SKIPPED_FRAMES, t, line, "after the resume at watermark "
        + t.resumeWatermark + " (line " + t.resumeLine + ") the server sent seq " + seq
        + " where seq " + next + " was expected: " + seqs(next, seq - 1) + " skipped; a resume"
        + " redelivers exactly the frames after " + t.resumeWatermark);
  }

  private void replayRepeated(TopicState t, long seq, long line) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.RESUME_REPEATED_FRAMES);
      return;
    }
    String what = seq <= t.resumeWatermark
        ? "seq " + seq + ", at or below the watermark,"
        : "seq " + seq + " again";
    report(ViolationKind.RESUME_REPEATED_FRAMES, t, line, "after the resume at watermark "
        + t.resumeWatermark + " (line " + t.resumeLine + ") the server sent " + what
        + " where seq " + t.replayNext + " was expected; a resume redelivers exactly the frames"
        + " after " + t.resumeWatermark + ", each once, in order");
  }

  private void replayUnfinished(TopicState t) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.RESUME_SKIPPED_FRAMES);
      return;
    }
    report(ViolationKind.RESUME_SKIPPED_FRAMES, t, lastLine, "the log ends during the replay"
        + " after the resume at watermark " + t.resumeWatermark + " (line " + t.resumeLine
        + "): " + seqs(t.replayNext, t.replayEnd) + " never redelivered, though the server had"
        + " sent up to seq " + t.replayEnd + " before the resume");
  }

  private void silentHole(TopicState t) {
    if (!sink.wantsDetail()) {
      sink.count(ViolationKind.SILENT_HOLE);
      return;
    }
    StringBuilder message = new StringBuilder("the log ends with the client missing frames:");
    if (t.hasHoles()) {
      HoleRanges holes = t.holes;
      int listed = Math.min(holes.size(), MAX_HOLES_LISTED);
      for (int i = 0; i < listed; i++) {
        message.append(i == 0 ? " " : ", ").append(seqs(holes.from(i), holes.to(i)))
            .append(" skipped at line ").append(holes.line(i));
      }
      long moreRanges = holes.size() - listed + holes.untrackedRanges();
      if (moreRanges > 0) {
        message.append(", and ").append(moreRanges).append(" more gap(s)");
      }
      message.append(" below last_applied_seq ").append(t.watermark);
      if (t.highestSent > t.watermark) {
        message.append(';');
      }
    }
    if (t.highestSent > t.watermark) {
      message.append(" the server sent up to seq ").append(t.highestSent)
          .append(" but last_applied_seq is ").append(t.watermark).append(": ")
          .append(seqs(t.watermark + 1, t.highestSent)).append(" never applied");
    }
    message.append("; a gap must be filled by replay or snapshot before the client is"
        + " consistent");
    report(ViolationKind.SILENT_HOLE, t, lastLine, message.toString());
  }

  private void report(ViolationKind kind, TopicState t, long line, String message) {
    sink.add(new ReplayViolation(kind, t.topic, line, message, context(t)));
  }

  /** The topic's remembered events, with the connects/disconnects among them, oldest first. */
  private List<String> context(TopicState t) {
    List<String> context = new ArrayList<>(t.recentCount() + CONNECTION_CONTEXT);
    long since = t.recentCount() == 0 ? 0 : t.recentLine(0);
    int c = 0;
    long[] connLines = new long[CONNECTION_CONTEXT];
    EventKind[] connKinds = new EventKind[CONNECTION_CONTEXT];
    for (int i = 0; i < CONNECTION_CONTEXT; i++) {
      int slot = (connectionNext + i) % CONNECTION_CONTEXT;
      if (connectionKinds[slot] != null && connectionLines[slot] >= since) {
        connLines[c] = connectionLines[slot];
        connKinds[c] = connectionKinds[slot];
        c++;
      }
    }
    int ci = 0;
    for (int i = 0; i < t.recentCount(); i++) {
      long line = t.recentLine(i);
      while (ci < c && connLines[ci] < line) {
        context.add("line " + connLines[ci] + ": " + connKinds[ci]);
        ci++;
      }
      context.add("line " + line + ": " + describe(t.recentKind(i), t.topic, t.recentValue(i)));
    }
    while (ci < c) {
      context.add("line " + connLines[ci] + ": " + connKinds[ci]);
      ci++;
    }
    return context;
  }

  private static String describe(EventKind kind, String topic, long value) {
    return kind.wireName() + " " + topic + (kind.carriesSeq() ? "#" : "@") + value;
  }

  /** {@code seq 5} or {@code seqs 5..9}. */
  private static String seqs(long first, long last) {
    return first == last ? "seq " + first : "seqs " + first + ".." + last;
  }
}
