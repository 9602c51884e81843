package dev.invariantharness.proto.internal;

/** Where a rule reports: the current file and span (either may be null) and the previous file. */
@FunctionalInterface
public interface Sink {

  void add(String rule, ProtoFile file, Span span, ProtoFile against, String message);
}
