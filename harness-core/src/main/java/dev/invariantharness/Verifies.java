package dev.invariantharness;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a test (or, on a class, every test in it) to the catalogue invariants it proves.
 *
 * <pre>{@code
 * @Test
 * @Verifies("INV-07")
 * @Verifies(value = "INV-03", required = false, check = "khala-no-sse")
 * void replayIsIdempotent() { ... }
 * }</pre>
 *
 * <p>An id that the catalogue does not know is a configuration error naming the test and the
 * id; it is never silently ignored.
 *
 * <p>Status: stable, declared on the package rather than here: JUnit searches the meta-annotations
 * of every annotation on every test method during discovery, and an {@code @API} on this
 * annotation costs about 5 ms per 1,000 annotated methods (measured; see benchmarks/README.md).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Verifies.List.class)
public @interface Verifies {

  /** Invariant ids, e.g. {@code "INV-02"}. */
  String[] value();

  /**
   * Whether the check gates the decision. A failed optional check is reported but never
   * blocks; a required check that fails, aborts or is skipped blocks in gating mode.
   */
  boolean required() default true;

  /**
   * A stable check id for {@code results.tsv}; defaults to {@code ClassName.methodName}.
   * Mitigations refer to checks by this id.
   */
  String check() default "";

  /** Containing annotation for repeated {@link Verifies}. */
  @Documented
  @Inherited
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @interface List {
    Verifies[] value();
  }
}
