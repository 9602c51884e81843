package dev.invariantharness.khala.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a {@link FakeSyncServer} does wrong, and to which connections. Immutable: every method
 * returns a new schedule.
 *
 * <p>Two ways in: a seeded generated schedule, replayable from the seed a failure message prints,
 * or faults named one by one.
 *
 * <pre>{@code
 * FaultSchedule generated = FaultSchedule.seed(42L);               // what a failing run printed
 * FaultSchedule named = FaultSchedule.none().duplicates(0.2).reorderWindow(4).closeAfter(50);
 * }</pre>
 *
 * <p>Delivery faults (duplicates, reordering, gaps, dropped connections, slow delivery, stale
 * answers) hit the first {@link #faultyConnections(int)} connections only, so a correct client
 * that resumes converges. Protocol faults (silence, malformed or oversized messages, a frame for an
 * unsubscribed topic, never answering a subscribe) and resume defects model broken services and
 * hit every connection.
 */
public final class FaultSchedule {

  private Long seed;
  private double duplicates;
  private int reorderWindow = 1;
  private double gaps;
  private int closeAfter = -1;
  private Duration slow = Duration.ZERO;
  private boolean staleOnFirstSubscribe;
  private int faultyConnections = Integer.MAX_VALUE;
  private boolean neverAnswerSubscribe;
  private boolean silent;
  private int malformedAfter = -1;
  private int oversizedAfter = -1;
  private int oversizedBytes;
  private int foreignTopicAfter = -1;
  private boolean resendWatermarkOnResume;
  private boolean skipFirstOnResume;
  private boolean bothWireForms;
  private int batchSize = 1;
  private boolean replyBeforeReplay;
  private int dropLiveFrame = -1;
  private boolean silentStaleCursor;
  /** Faults named on top of a generated schedule, as source, so toString() replays them too. */
  private List<String> tweaks = List.of();

  private FaultSchedule() {}

  private FaultSchedule copy() {
    FaultSchedule c = new FaultSchedule();
    c.seed = seed;
    c.duplicates = duplicates;
    c.reorderWindow = reorderWindow;
    c.gaps = gaps;
    c.closeAfter = closeAfter;
    c.slow = slow;
    c.staleOnFirstSubscribe = staleOnFirstSubscribe;
    c.faultyConnections = faultyConnections;
    c.neverAnswerSubscribe = neverAnswerSubscribe;
    c.silent = silent;
    c.malformedAfter = malformedAfter;
    c.oversizedAfter = oversizedAfter;
    c.oversizedBytes = oversizedBytes;
    c.foreignTopicAfter = foreignTopicAfter;
    c.resendWatermarkOnResume = resendWatermarkOnResume;
    c.skipFirstOnResume = skipFirstOnResume;
    c.bothWireForms = bothWireForms;
    c.batchSize = batchSize;
    c.replyBeforeReplay = replyBeforeReplay;
    c.dropLiveFrame = dropLiveFrame;
    c.silentStaleCursor = silentStaleCursor;
    c.tweaks = tweaks;
    return c;
  }

  private FaultSchedule tweak(String source) {
    FaultSchedule c = copy();
    if (seed != null) {
      List<String> more = new ArrayList<>(tweaks);
      more.add(source);
      c.tweaks = List.copyOf(more);
    }
    return c;
  }

  /** A correct server. */
  public static FaultSchedule none() {
    return new FaultSchedule();
  }

  /**
   * A schedule generated from {@code seed}: some mix of duplicates, reordering, gaps and dropped
   * connections on the first one to three connections. The same seed gives the same schedule
   * and, per connection, the same delivery.
   */
  public static FaultSchedule seed(long seed) {
    Random r = new Random(seed);
    FaultSchedule s = new FaultSchedule();
    s.seed = seed;
    s.duplicates = r.nextInt(3) == 0 ? 0 : 0.05 + 0.25 * r.nextDouble();
    s.reorderWindow = r.nextBoolean() ? 1 : 2 + r.nextInt(6);
    s.gaps = r.nextBoolean() ? 0 : 0.01 + 0.05 * r.nextDouble();
    s.closeAfter = r.nextBoolean() ? -1 : 1 + r.nextInt(40);
    s.staleOnFirstSubscribe = false;
    s.faultyConnections = 1 + r.nextInt(3);
    return s;
  }

  /** Resends a frame later on with probability {@code probability} per frame. */
  public FaultSchedule duplicates(double probability) {
    FaultSchedule c = tweak("duplicates(" + String.format(Locale.ROOT, "%.3f", probability) + ")");
    c.duplicates = probability;
    return c;
  }

  /** Shuffles frames within consecutive windows of {@code window} frames (1: in order). */
  public FaultSchedule reorderWindow(int window) {
    FaultSchedule c = tweak("reorderWindow(" + window + ")");
    c.reorderWindow = Math.max(1, window);
    return c;
  }

  /** Leaves a frame out with probability {@code probability} per frame. */
  public FaultSchedule gaps(double probability) {
    FaultSchedule c = tweak("gaps(" + String.format(Locale.ROOT, "%.3f", probability) + ")");
    c.gaps = probability;
    return c;
  }

  /** Closes the connection (mid-stream) after {@code frames} frames. */
  public FaultSchedule closeAfter(int frames) {
    FaultSchedule c = tweak("closeAfter(" + frames + ")");
    c.closeAfter = frames;
    return c;
  }

  /** Waits {@code perFrame} before sending each frame. */
  public FaultSchedule slow(Duration perFrame) {
    FaultSchedule c = tweak("slow(" + "Duration.ofMillis(" + perFrame.toMillis() + ")" + ")");
    c.slow = perFrame;
    return c;
  }

  /** Answers the first subscribe with {@code stale_cursor} whatever its resume point. */
  public FaultSchedule staleOnFirstSubscribe() {
    FaultSchedule c = tweak("staleOnFirstSubscribe()");
    c.staleOnFirstSubscribe = true;
    return c;
  }

  /** Delivery faults hit only the first {@code connections} connections. */
  public FaultSchedule faultyConnections(int connections) {
    FaultSchedule c = tweak("faultyConnections(" + connections + ")");
    c.faultyConnections = connections;
    return c;
  }

  /** Never answers {@code sync:subscribe} (and sends no frames). */
  public FaultSchedule neverAnswerSubscribe() {
    FaultSchedule c = tweak("neverAnswerSubscribe()");
    c.neverAnswerSubscribe = true;
    return c;
  }

  /** Accepts the upgrade and then says nothing at all, not even to {@code phx_join}. */
  public FaultSchedule silent() {
    FaultSchedule c = tweak("silent()");
    c.silent = true;
    return c;
  }

  /** Sends a message that is not JSON after {@code frames} frames. */
  public FaultSchedule malformedAfter(int frames) {
    FaultSchedule c = tweak("malformedAfter(" + frames + ")");
    c.malformedAfter = frames;
    return c;
  }

  /** Sends a {@code bytes}-byte frame after {@code frames} frames. */
  public FaultSchedule oversizedFrameAfter(int frames, int bytes) {
    FaultSchedule c = tweak("oversizedFrameAfter(" + frames + ", " + bytes + ")");
    c.oversizedAfter = frames;
    c.oversizedBytes = bytes;
    return c;
  }

  /** Sends a frame for a topic the client did not subscribe to after {@code frames} frames. */
  public FaultSchedule foreignTopicFrameAfter(int frames) {
    FaultSchedule c = tweak("foreignTopicFrameAfter(" + frames + ")");
    c.foreignTopicAfter = frames;
    return c;
  }

  /** On resume after watermark W, sends frame W again first (a duplicate across connections). */
  public FaultSchedule resendWatermarkOnResume() {
    FaultSchedule c = tweak("resendWatermarkOnResume()");
    c.resendWatermarkOnResume = true;
    return c;
  }

  /** On resume after watermark W, leaves out frame W+1 (silent loss). */
  public FaultSchedule skipFirstOnResume() {
    FaultSchedule c = tweak("skipFirstOnResume()");
    c.skipFirstOnResume = true;
    return c;
  }

  /**
   * Legal: sends every update twice, as {@code sync:update_batch} and as {@code sync:frame}, as
   * the real channel may — one delivery in two wire forms.
   */
  public FaultSchedule bothWireForms() {
    FaultSchedule c = tweak("bothWireForms()");
    c.bothWireForms = true;
    return c;
  }

  /**
   * Legal: packs up to {@code size} consecutive updates of a topic into one channel message whose
   * frame {@code seq} is the batch's highest watermark.
   */
  public FaultSchedule batchesOf(int size) {
    FaultSchedule c = tweak("batchesOf(" + size + ")");
    c.batchSize = Math.max(1, size);
    return c;
  }

  /** Legal: answers {@code sync:subscribe} before pushing the replay (the real channel pushes it first). */
  public FaultSchedule replyBeforeReplay() {
    FaultSchedule c = tweak("replyBeforeReplay()");
    c.replyBeforeReplay = true;
    return c;
  }

  /** Broken: silently drops the {@code n}-th live frame (1-based) pushed on every connection. */
  public FaultSchedule dropLiveFrame(int n) {
    FaultSchedule c = tweak("dropLiveFrame(" + n + ")");
    c.dropLiveFrame = n;
    return c;
  }

  /** Broken: a resume below the retention floor is not answered stale_cursor; the replay starts at the floor. */
  public FaultSchedule silentStaleCursor() {
    FaultSchedule c = tweak("silentStaleCursor()");
    c.silentStaleCursor = true;
    return c;
  }

  boolean sendsBothWireForms() {
    return bothWireForms;
  }

  int batchSizeValue() {
    return batchSize;
  }

  boolean repliesBeforeReplay() {
    return replyBeforeReplay;
  }

  int dropsLiveFrame() {
    return dropLiveFrame;
  }

  boolean answersStaleSilently() {
    return silentStaleCursor;
  }

  /** The seed of a generated schedule, if this is one. */
  public java.util.OptionalLong seedValue() {
    return seed == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(seed);
  }

  int faultyConnectionCount() {
    return faultyConnections;
  }

  double duplicateProbability() {
    return duplicates;
  }

  int reorderWindowSize() {
    return reorderWindow;
  }

  double gapProbability() {
    return gaps;
  }

  int closeAfterFrames() {
    return closeAfter;
  }

  Duration slowPerFrame() {
    return slow;
  }

  boolean staleFirst() {
    return staleOnFirstSubscribe;
  }

  boolean subscribeUnanswered() {
    return neverAnswerSubscribe;
  }

  boolean isSilent() {
    return silent;
  }

  int malformedAfterFrames() {
    return malformedAfter;
  }

  int oversizedAfterFrames() {
    return oversizedAfter;
  }

  int oversizedFrameBytes() {
    return oversizedBytes;
  }

  int foreignTopicAfterFrames() {
    return foreignTopicAfter;
  }

  boolean resendsWatermark() {
    return resendWatermarkOnResume;
  }

  boolean skipsFirst() {
    return skipFirstOnResume;
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }

  /** Java source that rebuilds this schedule, e.g. {@code FaultSchedule.seed(42L)}. */
  @Override
  public String toString() {
    if (seed != null) {
      return String.join(".", concat("FaultSchedule.seed(" + seed + "L)", tweaks));
    }
    List<String> parts = new ArrayList<>();
    parts.add("FaultSchedule.none()");
    if (duplicates > 0) parts.add("duplicates(" + String.format(Locale.ROOT, "%.3f", duplicates) + ")");
    if (reorderWindow > 1) parts.add("reorderWindow(" + reorderWindow + ")");
    if (gaps > 0) parts.add("gaps(" + String.format(Locale.ROOT, "%.3f", gaps) + ")");
    if (closeAfter >= 0) parts.add("closeAfter(" + closeAfter + ")");
    if (!slow.isZero()) parts.add("slow(Duration.ofMillis(" + slow.toMillis() + "))");
    if (staleOnFirstSubscribe) parts.add("staleOnFirstSubscribe()");
    if (faultyConnections != Integer.MAX_VALUE) parts.add("faultyConnections(" + faultyConnections + ")");
    if (neverAnswerSubscribe) parts.add("neverAnswerSubscribe()");
    if (silent) parts.add("silent()");
    if (malformedAfter >= 0) parts.add("malformedAfter(" + malformedAfter + ")");
    if (oversizedAfter >= 0) parts.add("oversizedFrameAfter(" + oversizedAfter + ", " + oversizedBytes + ")");
    if (foreignTopicAfter >= 0) parts.add("foreignTopicFrameAfter(" + foreignTopicAfter + ")");
    if (resendWatermarkOnResume) parts.add("resendWatermarkOnResume()");
    if (skipFirstOnResume) parts.add("skipFirstOnResume()");
    if (bothWireForms) parts.add("bothWireForms()");
    if (batchSize > 1) parts.add("batchesOf(" + batchSize + ")");
    if (replyBeforeReplay) parts.add("replyBeforeReplay()");
    if (dropLiveFrame >= 0) parts.add("dropLiveFrame(" + dropLiveFrame + ")");
    if (silentStaleCursor) parts.add("silentStaleCursor()");
    return String.join(".", parts);
  }
}
