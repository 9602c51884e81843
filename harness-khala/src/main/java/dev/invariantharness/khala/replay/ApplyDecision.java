package dev.invariantharness.khala.replay;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What a client must do with an arriving frame, as decided by a {@link GapPolicy}. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ApplyDecision {
  /** Apply the frame; its seq becomes the topic's watermark. */
  APPLY,
  /** Drop the frame: its seq is at or below the watermark, so its effects are already applied. */
  DISCARD,
  /**
   * Do not apply the frame: frames between the watermark and it are missing, and only a resync
   * (resume after the watermark, or a snapshot) may move the watermark past them.
   */
  RESYNC_REQUIRED
}
