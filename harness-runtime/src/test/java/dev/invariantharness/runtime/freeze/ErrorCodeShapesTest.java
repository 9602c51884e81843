package dev.invariantharness.runtime.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.invariantharness.runtime.freeze.internal.ErrorBody;
import dev.invariantharness.runtime.freeze.internal.ErrorBody.Shape;
import org.junit.jupiter.api.Test;

/** The error code is read from both body shapes the services use, and every other body is named for what it is. */
class ErrorCodeShapesTest {

  @Test
  void flatBodyCarriesTheCodeInError() {
    ErrorBody body = ErrorBody.parse("{\"error\":\"write_path_frozen\",\"message\":\"frozen\"}");
    assertThat(body.shape()).isEqualTo(Shape.FLAT);
    assertThat(body.hasCode("write_path_frozen")).isTrue();
  }

  @Test
  void nestedBodyCarriesTheCodeInErrorCode() {
    ErrorBody body = ErrorBody.parse("{\"error\":{\"code\":\"write_path_frozen\",\"message\":\"frozen\"}}");
    assertThat(body.shape()).isEqualTo(Shape.NESTED);
    assertThat(body.hasCode("write_path_frozen")).isTrue();
  }

  @Test
  void aNestedErrorWithoutCodeHasNoCode() {
    ErrorBody body = ErrorBody.parse("{\"error\":{\"message\":\"frozen\"}}");
    assertThat(body.shape()).isEqualTo(Shape.OTHER_JSON);
    assertThat(body.describe()).startsWith("JSON body with no error code (neither flat \"error\" nor nested \"error.code\")");
  }

  @Test
  void nonJsonAndEmptyBodiesAreNamedSo() {
    assertThat(ErrorBody.parse("Service Unavailable").describe()).isEqualTo("non-JSON body: Service Unavailable");
    assertThat(ErrorBody.parse("").describe()).isEqualTo("empty body");
  }

  @Test
  void longBodiesAreShortenedInMessages() {
    ErrorBody body = ErrorBody.parse("{\"error\":\"x\",\"message\":\"" + "m".repeat(500) + "\"}");
    assertThat(body.excerpt()).hasSizeLessThanOrEqualTo(201).endsWith("…");
  }
}
