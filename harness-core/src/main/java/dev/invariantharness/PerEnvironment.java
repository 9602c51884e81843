package dev.invariantharness;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.internal.EnvironmentTemplates;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs an environment-bound invariant suite once per environment of
 * {@code invariant.harness.environments} (e.g. {@code staging,prod}), as the validation matrix
 * covers staging and prod in one invocation: one run, one report, one decision, each row keyed by
 * its environment ({@code com.example.SmokeGates.healthy[staging]}). Within an environment's run
 * every {@code HarnessConfiguration} and fixture sees that environment ({@code config.environment()},
 * base URLs, tokens). Without {@code invariant.harness.environments} the suite runs once, for
 * {@code invariant.harness.environment}, with unchanged check ids.
 *
 * <pre>{@code
 * @InvariantTest(lane = "smoke")
 * @PerEnvironment
 * class SmokeGates {
 *   @Test @Verifies("INV-08")
 *   void healthy(HarnessConfiguration config) {
 *     URI control = config.baseUrl("control");   // STAGING_CONTROL_BASE_URL, then PROD_CONTROL_BASE_URL
 *   }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ClassTemplate
@ExtendWith(EnvironmentTemplates.class)
public @interface PerEnvironment {}
