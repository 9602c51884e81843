package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PROTOVALIDATE}'s CEL and example checks as INV-01 findings, worded and placed as buf 1.75
 * places them (each expected text below is buf's own output for the same file; the differential
 * corpus's {@code l_pv_cel_*}, {@code l_pv_predefined_*} and {@code l_pv_examples_*} cases hold
 * many more).
 */
class ProtovalidateCelTest {

  @TempDir Path dir;

  private static final String HEADER = """
      syntax = "proto3";

      package acme.shop.v1;

      import "buf/validate/validate.proto";
      import "google/protobuf/duration.proto";

      """;

  @BeforeEach
  void stageValidateProto() throws IOException {
    Path validate = dir.resolve("buf/validate/validate.proto");
    Files.createDirectories(validate.getParent());
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("buf/validate/validate.proto")) {
      assertThat(in).as("validate.proto in build.buf:protovalidate").isNotNull();
      Files.write(validate, in.readAllBytes());
    }
    Files.writeString(dir.resolve("buf.yaml"), "version: v2\nlint:\n  use:\n    - PROTOVALIDATE\n  ignore:\n    - buf\n");
  }

  private List<String> lint(String body) throws IOException {
    Path file = dir.resolve("acme/shop/v1/order.proto");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HEADER + body);
    return ProtoChecks.lint(ProtoInput.directory(dir).load()).stream().map(CheckFinding::text).toList();
  }

  @Test
  void aCelExpressionThatDoesNotCompileIsAFindingAtItsRule() throws IOException {
    assertThat(lint("""
        message Order {
          option (buf.validate.message).cel = {id: "total", expression: "this.total > 0"};
          string id = 1 [(buf.validate.field).cel_expression = "this +"];
        }
        """)).containsExactly(
        "acme/shop/v1/order.proto:9:3:(buf.validate.message).cel.expression on message \"Order\" fails to compile:"
            + " undefined field 'total'",
        "acme/shop/v1/order.proto:10:18:(buf.validate.field).cel_expression on field \"id\" fails to compile:"
            + " mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT,"
            + " NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}");
  }

  @Test
  void aRuleMustEvaluateToABoolOrAString() throws IOException {
    assertThat(lint("""
        message Order {
          repeated string tags = 1 [(buf.validate.field).cel = {id: "tags", expression: "this.size()"}];
          map<string, int64> counts = 2 [(buf.validate.field).cel = {id: "counts", expression: "this"}];
        }
        """)).containsExactly(
        "acme/shop/v1/order.proto:9:29:(buf.validate.field).cel.expression on field \"tags\" evaluates to a int,"
            + " only string and boolean are allowed.",
        "acme/shop/v1/order.proto:10:34:(buf.validate.field).cel.expression on field \"counts\" evaluates to a"
            + " map(string, int), only string and boolean are allowed.");
  }

  @Test
  void idsAreUniqueAndAStringResultNeedsNoMessage() throws IOException {
    assertThat(lint("""
        message Order {
          option (buf.validate.message).cel = {id: "one", expression: "true"};
          option (buf.validate.message).cel = {id: "one", message: "m", expression: "this.id"};
          string id = 1;
        }
        """)).containsExactlyInAnyOrder(
        "acme/shop/v1/order.proto:9:3:(buf.validate.message).cel.id (\"one\") is not unique within message \"Order\".",
        "acme/shop/v1/order.proto:10:3:(buf.validate.message).cel.id (\"one\") is not unique within message \"Order\".",
        "acme/shop/v1/order.proto:10:3:Message \"Order\" has a (buf.validate.message).cel with an expression that"
            + " evaluates to a string, and also has a message. The message is redundant - since the expression evaluates"
            + " to a string, its result will be printed instead of the message, so the message should be removed.");
  }

  @Test
  void protovalidatesEnvironmentCompilesLegalRules() throws IOException {
    assertThat(lint("""
        message Order {
          option (buf.validate.message).cel = {id: "paid", expression: "has(this.paid_at) || this.total == 0"};
          option (buf.validate.message).cel_expression = "this.email.isEmail() ? '' : 'email is invalid'";
          string email = 1 [(buf.validate.field).cel_expression = "this.isEmail() && this.size() < 255u"];
          int64 total = 2 [(buf.validate.field).cel = {id: "total", expression: "this >= 0 && this < 1e9"}];
          google.protobuf.Duration paid_at = 3 [(buf.validate.field).cel_expression = "this < duration('1h')"];
          repeated string tags = 4 [(buf.validate.field).cel_expression = "this.unique() && this.all(t, t != '')"];
        }
        """)).isEmpty();
  }

  @Test
  void anExampleThatBreaksItsFieldsRulesIsAnInv01Violation() throws IOException {
    String body = """
        message Order {
          int32 quantity = 1 [(buf.validate.field).int32 = {gt: 0, example: 0, example: 3}];
        }
        """;
    Path file = dir.resolve("acme/shop/v1/order.proto");
    Files.createDirectories(file.getParent());
    Files.writeString(file, HEADER + body);
    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(dir)).passesLint())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-01");
          assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("acme/shop/v1/order.proto:9:60");
            assertThat(f.message()).isEqualTo("[PROTOVALIDATE] \"0\" is an example value but does not satisfy rule"
                + " \"int32.gt\": must be greater than 0");
          });
        });
    Files.writeString(file, HEADER + body.replace("example: 0, ", ""));
    ProtoAssertions.assertThat(ProtoInput.directory(dir)).passesLint();
  }

  @Test
  void aMessageExampleIsPlacedAsBufPlacesItButPrintedAsText() throws IOException {
    // buf prints this value as a Go pointer (&{{} [] [] 0xc000123080}); see the corpus's known difference
    assertThat(lint("""
        message Order {
          google.protobuf.Duration ttl = 1 [(buf.validate.field).duration = {gt: {seconds: 10}, example: {seconds: 5}}];
        }
        """)).containsExactly("acme/shop/v1/order.proto:9:89:\"seconds: 5\" is an example value but does not satisfy rule"
        + " \"duration.gt\": must be greater than 10s");
  }
}
