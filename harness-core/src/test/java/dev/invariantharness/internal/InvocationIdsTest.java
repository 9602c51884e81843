package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.UniqueId;

/**
 * The listener tells invocations apart by JUnit's {@link UniqueId} (formatting it per test cost
 * more than the rest of the row); the engine side reads the same facts from the id's text. Both
 * readings must agree on every kind of node.
 */
class InvocationIdsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[engine:junit-jupiter]/[class:a.B]/[method:plain()]                                              | false | false",
      "[engine:junit-jupiter]/[class:a.B]/[test-template:p(int)]/[test-template-invocation:#2]          | true  | false",
      "[engine:junit-jupiter]/[class:a.B]/[test-factory:f()]/[dynamic-container:#1]/[dynamic-test:#3]   | true  | false",
      "[engine:junit-jupiter]/[class-template:a.B]/[class-template-invocation:#1]                        | true  | true",
      "[engine:junit-jupiter]/[class-template:a.B]/[class-template-invocation:#1]/[method:m()]           | false | false",
      "[engine:junit-jupiter]/[class:a.B]/[method:named#1()]                                             | false | false",
      "[engine:junit-jupiter]/[class:a.B]/[test-template:p(int)]/[test-template-invocation:#]           | true  | false",
  })
  void anInvocationIsReadAlikeFromTheIdAndFromItsText(String id, boolean invocation, boolean classTemplateInvocation) {
    UniqueId parsed = UniqueId.parse(id);

    assertThat(CheckDescriptor.isInvocation(parsed)).isEqualTo(invocation).isEqualTo(CheckDescriptor.isInvocation(id));
    assertThat(CheckDescriptor.isClassTemplateInvocation(parsed)).isEqualTo(classTemplateInvocation)
        .isEqualTo(CheckDescriptor.isClassTemplateInvocation(id));
  }
}
