package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.runtime.WriteMode;
import org.apiguardian.api.API;

/**
 * Entry point of the write-mode freeze assertions, in AssertJ style.
 *
 * <pre>{@code
 * import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;
 *
 * @Test @Verifies("INV-05")
 * void readOnlyRuntimeRejectsAuthorityWrites(HarnessConfiguration config) {
 *   AuthorityService runtime = AuthorityService.fromConfiguration(config, "runtime", AuthoritySide.RUNTIME)
 *       .withWriteRoutes(OpenApiRoutes.read(Path.of("runtime-openapi.yaml")).writes())
 *       .withReadPaths("/internal/v1/runs");
 *   assertThat(runtime).inWriteMode(WriteMode.READ_ONLY)
 *       .reportsItsWriteMode()
 *       .rejectsAuthorityWrites()
 *       .keepsServingReads();
 * }
 * }</pre>
 *
 * <p><b>Which invariant.</b> Every freeze failure is reported as a violation of {@value #INVARIANT},
 * "Runtime canonical event state is written only by runtime authority paths". The write-mode
 * controls are how the cutover runbook keeps exactly one authority writer: a frozen side that
 * still accepts a write, or refuses it but applies it anyway, writes canonical state outside the
 * active authority path; a side that hides its mode ({@code /healthz} lying) or answers without
 * the {@code write_path_frozen} code cannot be told apart from an outage by the control plane that
 * routes writes. INV-02 (authority mutations over authenticated HTTP) is about the transport, not
 * about who may write, and INV-06 is Khala's; neither fits. The runbook drill adds
 * {@value CutoverDrill#ROLLBACK_INVARIANT} (legacy removal only after parity gates and rollback
 * evidence), for a step that leaves no writer at all: see {@link CutoverDrill}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FreezeAssertions {

  /** The invariant freeze failures name. */
  public static final String INVARIANT = "INV-05";

  private FreezeAssertions() {}

  /** Assertions on one side of the cutover; say its state first with {@code inWriteMode} or {@code withWriteFreeze}. */
  public static AuthorityServiceAssert assertThat(AuthorityService service) {
    return new AuthorityServiceAssert(service);
  }
}
