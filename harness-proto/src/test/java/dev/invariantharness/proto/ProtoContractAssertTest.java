package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.finding.InvariantViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INV-01 assertions: each can fail with the right invariant and rule, and passes legal change. */
class ProtoContractAssertTest {

  @TempDir Path dir;

  private static final String ORDER = """
      syntax = "proto3";

      package acme.shop.v1;

      // An order.
      message Order {
        // Identifies the order.
        string id = 1;
        // The amount in cents.
        int64 amount = 2;
      }
      """;

  private Path module(String name, String proto) throws IOException {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("acme/shop/v1"));
    Files.writeString(root.resolve("acme/shop/v1/order.proto"), proto);
    Files.writeString(root.resolve("buf.yaml"), "version: v2\n");
    return root;
  }

  @Test
  void aDeletedFieldIsAnInv01ViolationNamingRuleAndPosition() throws IOException {
    Path baseline = module("baseline", ORDER);
    Path current = module("current", ORDER.replace("  // The amount in cents.\n  int64 amount = 2;\n", ""));

    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(current))
        .isWireCompatibleWith(ProtoInput.directory(baseline)))
        .isInstanceOfSatisfying(InvariantViolation.class, v -> {
          assertThat(v.invariant()).isEqualTo("INV-01");
          assertThat(v.findings()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("acme/shop/v1/order.proto:6:1");
            assertThat(f.message()).isEqualTo("[FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED] Previously present field \"2\""
                + " with name \"amount\" on message \"Order\" was deleted without reserving the number \"2\".");
          });
        })
        .hasMessageStartingWith("INV-01 violated: 1 finding(s)");
  }

  @Test
  void reservingTheDeletedNumberIsWireCompatibleButStillBreaksTheFileRules() throws IOException {
    Path baseline = module("baseline", ORDER);
    Path current = module("current", ORDER.replace("  // The amount in cents.\n  int64 amount = 2;\n", "  reserved 2;\n"));
    ProtoAssertions.assertThat(ProtoInput.directory(current)).isWireCompatibleWith(ProtoInput.directory(baseline));
    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(current))
        .hasNoBreakingChangesAgainst(ProtoInput.directory(baseline)))
        .isInstanceOf(InvariantViolation.class).hasMessageContaining("[FIELD_NO_DELETE]");
  }

  @Test
  void aRenamedFieldIsWireCompatible() throws IOException {
    Path baseline = module("baseline", ORDER);
    Path current = module("current", ORDER.replace("int64 amount = 2;", "int64 total_cents = 2;"));
    ProtoAssertions.assertThat(ProtoInput.directory(current)).isWireCompatibleWith(ProtoInput.directory(baseline));
  }

  @Test
  void theAssertionDescriptionLeadsTheFailure() throws IOException {
    Path current = module("current", ORDER.replace("string id = 1;", "string orderId = 1;"));
    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(current)).as("shop contracts").passesLint())
        .isInstanceOf(InvariantViolation.class)
        .hasMessageStartingWith("[shop contracts] INV-01 violated: 1 finding(s)")
        .hasMessageContaining("acme/shop/v1/order.proto:8:10: [FIELD_LOWER_SNAKE_CASE] Field name \"orderId\" should be"
            + " lower_snake_case, such as \"order_id\".");
  }

  @Test
  void cleanContractsPassLint() throws IOException {
    ProtoAssertions.assertThat(ProtoInput.directory(module("current", ORDER))).passesLint();
  }

  @Test
  void sourcesThatDoNotCompileFailUnderInv01WithTheCompilerPosition() throws IOException {
    Path current = module("current", ORDER.replace("string id = 1;", "string id = 1"));
    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(current)).passesLint())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.findings()).first()
            .satisfies(f -> assertThat(f.location()).isEqualTo("acme/shop/v1/order.proto:10:3")))
        .hasMessageContaining("[COMPILE]");
  }

  /** A module importing protovalidate (its validate.proto from build.buf:protovalidate, ignored by lint like a vendored dependency). */
  private Path validatedModule(String name, String field) throws IOException {
    Path root = module(name, """
        syntax = "proto3";

        package acme.shop.v1;

        import "buf/validate/validate.proto";

        // An order.
        message Order {
          // Identifies the order.
        """ + "  " + field + "\n}\n");
    Files.writeString(root.resolve("buf.yaml"), "version: v2\nlint:\n  ignore:\n    - buf\n");
    try (var in = getClass().getClassLoader().getResourceAsStream("buf/validate/validate.proto")) {
      assertThat(in).as("validate.proto on the test classpath").isNotNull();
      Files.createDirectories(root.resolve("buf/validate"));
      Files.write(root.resolve("buf/validate/validate.proto"), in.readAllBytes());
    }
    return root;
  }

  @Test
  void aProtovalidateRuleThatDoesNotFitTheFieldFailsLintUnderInv01() throws IOException {
    Path current = validatedModule("current", "int64 id = 1 [(buf.validate.field).string.min_len = 1];");
    assertThatThrownBy(() -> ProtoAssertions.assertThat(ProtoInput.directory(current)).passesLint())
        .isInstanceOfSatisfying(InvariantViolation.class, v -> assertThat(v.findings()).singleElement().satisfies(f -> {
          assertThat(f.invariant()).isEqualTo("INV-01");
          assertThat(f.location()).isEqualTo("acme/shop/v1/order.proto:10:17");
          assertThat(f.message()).isEqualTo("[PROTOVALIDATE] Field \"id\" is of type int64 but has"
              + " (buf.validate.field).string rules.");
        }));
  }

  @Test
  void fittingProtovalidateRulesPassLint() throws IOException {
    ProtoAssertions.assertThat(ProtoInput.directory(validatedModule("current",
        "string id = 1 [(buf.validate.field).string = {min_len: 1, max_len: 64}];"))).passesLint();
  }
}
