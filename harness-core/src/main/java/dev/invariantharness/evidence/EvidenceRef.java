package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A piece of evidence attached to a check, already redacted and written.
 *
 * @param name what the evidence is, e.g. {@code POST /internal/v1/runs}
 * @param kind {@code http}, {@code frames}, {@code diff} or {@code text}
 * @param path path relative to the report directory, with forward slashes
 */
@API(status = STABLE, since = "0.1")
public record EvidenceRef(String name, String kind, String path) {}
