/**
 * Runtime authority cutover: the write-mode freeze of the runtime
 * ({@code RUNTIME_AUTHORITY_WRITE_MODE}) and of the legacy service
 * ({@code LEGACY_RUNTIME_WRITE_FREEZE}), checked from the outside over real HTTP, and the
 * cutover/rollback runbook run as a drill.
 *
 * <pre>{@code
 * AuthorityService runtime = AuthorityService.runtime(config.baseUrl("runtime"))
 *     .withTimeout(config.timeout("http"))
 *     .withWriteRoutes(OpenApiRoutes.read(Path.of("runtime-openapi.yaml")).writes());
 * assertThat(runtime).inWriteMode(WriteMode.READ_ONLY).rejectsAuthorityWrites().keepsServingReads();
 * }</pre>
 *
 * <p>Every check maps to INV-05 (runtime canonical state is written only by runtime authority
 * paths); the drill adds INV-10 (legacy removal needs rollback evidence). See
 * {@link dev.invariantharness.runtime.freeze.FreezeAssertions} for why.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.runtime.freeze;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
