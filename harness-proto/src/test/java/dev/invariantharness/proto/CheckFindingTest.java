package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** buf's two output formats, byte for byte. */
class CheckFindingTest {

  @Test
  void aFindingWithoutAPathPrintsAsInputAndHasNoPathKey() {
    CheckFinding deleted = new CheckFinding("", 1, 1, 1, 1, "FILE_NO_DELETE", "Previously present file \"a.proto\" was deleted.");
    assertThat(deleted.text()).isEqualTo("<input>:1:1:Previously present file \"a.proto\" was deleted.");
    assertThat(deleted.json()).isEqualTo("{\"start_line\":1,\"start_column\":1,\"end_line\":1,\"end_column\":1,"
        + "\"type\":\"FILE_NO_DELETE\",\"message\":\"Previously present file \\\"a.proto\\\" was deleted.\"}");
  }

  @Test
  void jsonEscapesLikeGo() {
    CheckFinding f = new CheckFinding("a/b.proto", 3, 5, 3, 9, "COMPILE", "expected <ident> & got \"}\"\tthere");
    assertThat(f.json()).isEqualTo("{\"path\":\"a/b.proto\",\"start_line\":3,\"start_column\":5,\"end_line\":3,"
        + "\"end_column\":9,\"type\":\"COMPILE\",\"message\":\"expected \\u003cident\\u003e \\u0026 got \\\"}\\\"\\tthere\"}");
    assertThat(f.text()).isEqualTo("a/b.proto:3:5:expected <ident> & got \"}\"\tthere");
  }

  @Test
  void findingsSortByPathThenPositionThenRule() {
    CheckFinding a = new CheckFinding("a.proto", 9, 1, 9, 2, "B_RULE", "m");
    CheckFinding b = new CheckFinding("a.proto", 9, 1, 9, 2, "A_RULE", "m");
    CheckFinding c = new CheckFinding("a.proto", 2, 7, 2, 8, "Z_RULE", "m");
    CheckFinding d = new CheckFinding("", 1, 1, 1, 1, "FILE_NO_DELETE", "m");
    assertThat(java.util.stream.Stream.of(a, b, c, d).sorted().toList()).containsExactly(d, c, b, a);
  }
}
