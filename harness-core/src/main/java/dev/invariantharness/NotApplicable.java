package dev.invariantharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an invariant does not apply to this service, with the reason a reviewer would
 * write. The test is not run; the report shows it as {@code n/a} with the reason, and the
 * invariant no longer counts as a coverage gap.
 *
 * <pre>{@code
 * @Test
 * @NotApplicable(value = "INV-11", reason = "no iOS client in this service")
 * void ios() {}
 * }</pre>
 *
 * <p>The reason is mandatory: a blank reason is a configuration error.
 *
 * <p>Status: stable, declared on the package rather than here: JUnit searches the meta-annotations
 * of every annotation on every test method during discovery, and an {@code @API} on this
 * annotation costs about 5 ms per 1,000 annotated methods (measured; see benchmarks/README.md).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(NotApplicable.List.class)
public @interface NotApplicable {

  /** The invariant id, e.g. {@code "INV-11"}. */
  String value();

  /** Why the invariant does not apply; shown in the report. */
  String reason();

  /** Containing annotation for repeated {@link NotApplicable}. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    NotApplicable[] value();
  }
}
