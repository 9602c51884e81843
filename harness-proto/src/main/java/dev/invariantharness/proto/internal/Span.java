package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;

/** A source span from SourceCodeInfo, 1-based like buf prints it (end column one past the end). */
public record Span(int startLine, int startColumn, int endLine, int endColumn, String leadingComments,
    java.util.List<Integer> path) {

  /** No location known: buf prints such findings at 1:1. */
  public static final Span NONE = new Span(1, 1, 1, 1, "", java.util.List.of());

  static Span of(Location location) {
    var span = location.getSpanList();
    int sl = span.get(0);
    int sc = span.get(1);
    int el = span.size() == 4 ? span.get(2) : sl;
    int ec = span.size() == 4 ? span.get(3) : span.get(2);
    return new Span(sl + 1, sc + 1, el + 1, ec + 1, location.getLeadingComments(), location.getPathList());
  }
}
