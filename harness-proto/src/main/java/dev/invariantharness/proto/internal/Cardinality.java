package dev.invariantharness.proto.internal;

import com.google.protobuf.Descriptors.FieldDescriptor;

/** buf's field cardinalities and which of them are wire / wire+JSON compatible. */
enum Cardinality {
  OPTIONAL_EXPLICIT("optional with explicit presence", 1, 1),
  OPTIONAL_IMPLICIT("optional with implicit presence", 1, 1),
  REQUIRED("required", 2, 2),
  REPEATED("repeated", 3, 3),
  MAP("map", 3, 4);

  final String text;
  final int wire;
  final int wireJson;

  Cardinality(String text, int wire, int wireJson) {
    this.text = text;
    this.wire = wire;
    this.wireJson = wireJson;
  }

  static Cardinality of(FieldDescriptor d) {
    if (d.isMapField()) {
      return MAP;
    }
    if (d.isRepeated()) {
      return REPEATED;
    }
    if (d.isRequired()) {
      return REQUIRED;
    }
    return d.hasPresence() ? OPTIONAL_EXPLICIT : OPTIONAL_IMPLICIT;
  }
}
