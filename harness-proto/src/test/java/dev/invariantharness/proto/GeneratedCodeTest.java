package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated-code drift with protoc's real --java_out: in sync passes, stale, missing and orphaned fail. */
class GeneratedCodeTest {

  @TempDir Path dir;
  private Path proto;
  private Path checkedIn;

  private static final String ORDER = """
      syntax = "proto3";

      package acme.shop.v1;

      option java_multiple_files = true;
      option java_package = "com.acme.shop.v1";

      message Order {
        string id = 1;
      }

      message Refund {
        string order_id = 1;
      }
      """;

  @BeforeEach
  void checkInWhatTheGeneratorProduces() throws IOException {
    proto = dir.resolve("proto");
    checkedIn = dir.resolve("generated");
    Files.createDirectories(proto.resolve("acme/shop/v1"));
    Files.writeString(proto.resolve("acme/shop/v1/order.proto"), ORDER);
    List<GeneratedCode.Drift> nothingCheckedIn = GeneratedCode.java(checkedIn).driftFrom(proto);
    assertThat(nothingCheckedIn).isNotEmpty().allSatisfy(d -> assertThat(d.kind()).isEqualTo(GeneratedCode.Kind.MISSING));
    for (GeneratedCode.Drift d : nothingCheckedIn) {
      Path file = checkedIn.resolve(d.path());
      Files.createDirectories(file.getParent());
      Files.writeString(file, d.expected());
    }
  }

  @Test
  void codeGeneratedFromTodaysSourcesIsInSync() {
    assertThat(GeneratedCode.java(checkedIn).driftFrom(proto)).isEmpty();
    ProtoAssertions.assertThat(ProtoInput.directory(proto)).hasUpToDateGeneratedCode(GeneratedCode.java(checkedIn));
  }

  @Test
  void aChangedMessageMakesItsCheckedInClassStale() throws IOException {
    Files.writeString(proto.resolve("acme/shop/v1/order.proto"), ORDER.replace("  string id = 1;\n", "  string id = 1;\n  int64 amount = 2;\n"));

    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(proto))
        .hasUpToDateGeneratedCode(GeneratedCode.java(checkedIn)))
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-01");
          assertThat(v.findings()).extracting(f -> f.location() + " " + f.message())
              .contains(checkedIn.resolve("com/acme/shop/v1/Order.java") + " stale: differs from what the generator produces today");
        });
  }

  @Test
  void aDeletedMessageLeavesAnOrphanedClassAndANewOneIsMissing() throws IOException {
    Files.writeString(proto.resolve("acme/shop/v1/order.proto"), ORDER.replace("message Refund", "message Return"));

    List<GeneratedCode.Drift> drift = GeneratedCode.java(checkedIn).driftFrom(proto);

    assertThat(drift).extracting(d -> d.kind() + " " + d.path()).contains(
        "ORPHANED com/acme/shop/v1/Refund.java", "MISSING com/acme/shop/v1/Return.java");
  }

  @Test
  void handWrittenCodeBesideTheGeneratedCodeIsNotDrift() throws IOException {
    Files.writeString(checkedIn.resolve("com/acme/shop/v1/OrderMapper.java"), "package com.acme.shop.v1;\nclass OrderMapper {}\n");
    assertThat(GeneratedCode.java(checkedIn).driftFrom(proto)).isEmpty();
  }
}
