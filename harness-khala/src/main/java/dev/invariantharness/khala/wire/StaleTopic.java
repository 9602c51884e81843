package dev.invariantharness.khala.wire;

/**
 * One topic of a stale-cursor answer: the resume point was below the retention floor (or the
 * replay budget was exceeded), so the client must reset its watermark and rebootstrap.
 *
 * @param topic the topic
 * @param reason {@code retention_floor_breach}, {@code replay_budget_exceeded}, or what the peer said
 * @param resumeAfter the requested resume point, or -1 when absent
 * @param retentionFloor the oldest retained watermark, or -1 when absent
 * @param headWatermark the topic's head, or -1 when absent
 */
public record StaleTopic(String topic, String reason, long resumeAfter, long retentionFloor, long headWatermark) {}
