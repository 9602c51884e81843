package dev.invariantharness;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

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
 */
@API(status = STABLE, since = "0.1")
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
