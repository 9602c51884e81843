package dev.invariantharness.examples.surface;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the reference run service drifts between its surfaces. The broken variants must come out
 * NO-GO on INV-01; the legal ones are spellings the proto JSON mapping allows and must stay GO.
 */
public enum SurfaceVariant {
  /** Every surface says the same thing. */
  CORRECT(false),
  /** HTTP calls {@code title} {@code runTitle}. */
  FIELD_RENAMED(false),
  /** HTTP answers a missing run with 400 instead of 404 NOT_FOUND. */
  ERROR_CODE(false),
  /** HTTP leaves the {@code state} out when the run is RUNNING (an enum value it does not know). */
  ENUM_MISSING(false),
  /** HTTP adds {@code debugOwner}, a field the proto does not declare. */
  HTTP_ONLY_FIELD(false),
  /** HTTP accepts {@code :start} with 202 and an empty body and does nothing. */
  DROPS_STEP(false),
  /** The WebSocket never carries the created run's frame. */
  WS_FRAME_MISSING(false),
  /** HTTP's stream of {@code ListRuns} leaves out the second run. */
  STREAM_MISSING_ELEMENT(false),
  /** Legal: HTTP writes the fields in reverse order. */
  FIELD_ORDER(true),
  /** Legal: HTTP writes every default value, with the proto's own field names. */
  DEFAULTS_PRESENT(true),
  /** Legal: HTTP writes {@code int64} as a JSON number rather than a string. */
  INT64_AS_NUMBER(true),
  /** Legal where configured: HTTP writes enums as numbers. */
  ENUM_AS_NUMBER(true),
  /** Legal: HTTP errors state no canonical code; the status line, mapped, says it all. */
  STATUS_WITHOUT_CODE(true),
  /** Legal: HTTP sends the {@code ListRuns} stream as one JSON array instead of grpc-gateway's lines. */
  STREAM_AS_ARRAY(true);

  private final boolean legal;

  SurfaceVariant(boolean legal) {
    this.legal = legal;
  }

  /** Whether the variant is a legal spelling (GO) rather than a defect (NO-GO); CORRECT is neither. */
  public boolean legal() {
    return legal;
  }

  /** Parses {@code field-renamed} or {@code FIELD_RENAMED}. */
  public static SurfaceVariant parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown surface variant '" + text + "' (known: " + Arrays.toString(values()) + ")", e);
    }
  }
}
