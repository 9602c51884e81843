package dev.invariantharness.examples.runtime.freeze;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.freeze.CutoverStep;
import dev.invariantharness.runtime.freeze.LegacyFreezeSwitch;
import dev.invariantharness.runtime.freeze.ModeSwitch;
import dev.invariantharness.runtime.freeze.OpenApiRoutes;
import dev.invariantharness.runtime.freeze.RuntimeModeSwitch;
import dev.invariantharness.runtime.freeze.WriteRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The reference runtime and legacy services started together before the cutover (runtime
 * {@code shadow_only}, legacy writing), with the harness's view of both: the runtime's write
 * routes from its OpenAPI document, the legacy routes as a list given bodies by the legacy's
 * OpenAPI document, each side's read paths and token, a switch per service over its admin hook,
 * and the drill's {@link ModeSwitch} made of the two.
 */
public final class RuntimeCutoverStack implements AutoCloseable {

  /** The runtime's OpenAPI document, on the class path. */
  public static final String OPENAPI = "/dev/invariantharness/examples/runtime/freeze/runtime-openapi.yaml";
  /** The legacy service's OpenAPI document, on the class path. */
  public static final String LEGACY_OPENAPI = "/dev/invariantharness/examples/runtime/freeze/legacy-openapi.yaml";

  private final RuntimeVariant variant;
  private final ReferenceRuntimeService runtimeService;
  private final ReferenceLegacyService legacyService;
  private final AuthorityService runtime;
  private final AuthorityService legacy;
  private final AdminModeSwitch admin;

  private RuntimeCutoverStack(RuntimeVariant variant, ReferenceRuntimeService runtimeService, ReferenceLegacyService legacyService,
      Duration timeout) {
    this.variant = variant;
    this.runtimeService = runtimeService;
    this.legacyService = legacyService;
    this.runtime = AuthorityService.runtime(runtimeService.baseUrl())
        .withTimeout(timeout)
        .withToken(ReferenceRuntimeService.SERVICE_TOKEN)
        .withWriteRoutes(document(OPENAPI, Map.of()).writes())
        .withReadPaths("/internal/v1/runs", "/internal/v1/workers");
    this.legacy = AuthorityService.legacy(legacyService.baseUrl())
        .withTimeout(timeout)
        .withToken(ReferenceLegacyService.SERVICE_TOKEN)
        // a hand-picked list, each route with a body the legacy's own request schema accepts
        .withWriteRoutes(WriteRoutes.of(document(LEGACY_OPENAPI, Map.of("id", ReferenceLegacyService.SEEDED_RUN)),
            "POST /api/v1/runs", "PUT /api/v1/runs/{id}", "PATCH /api/v1/runs/{id}", "DELETE /api/v1/runs/{id}"))
        .withReadPaths("/api/v1/runs");
    this.admin = new AdminModeSwitch(runtimeService.baseUrl(), legacyService.baseUrl(), timeout);
  }

  /** Starts both services with {@code variant}'s defects; requests to them are bounded by {@code timeout}. */
  public static RuntimeCutoverStack start(RuntimeVariant variant, Duration timeout) throws IOException {
    ReferenceRuntimeService runtime = ReferenceRuntimeService.start(variant, WriteMode.SHADOW_ONLY);
    try {
      return new RuntimeCutoverStack(variant, runtime, ReferenceLegacyService.start(variant, false), timeout);
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  /** The runtime's routes from its OpenAPI document; path parameters as placeholders. */
  public static OpenApiRoutes openApi() {
    return document(OPENAPI, Map.of());
  }

  private static OpenApiRoutes document(String resource, Map<String, String> pathParams) {
    try (InputStream in = RuntimeCutoverStack.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new HarnessInputException("OpenAPI document " + resource, "not on the class path");
      }
      String name = resource.substring(resource.lastIndexOf('/') + 1);
      return OpenApiRoutes.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), pathParams);
    } catch (IOException e) {
      throw new HarnessInputException("OpenAPI document " + resource, -1, "cannot be read: " + e, e);
    }
  }

  /** The runtime as the harness sees it. */
  public AuthorityService runtime() {
    return runtime;
  }

  /** The legacy service as the harness sees it. */
  public AuthorityService legacy() {
    return legacy;
  }

  /** Switches the runtime alone over its admin hook. */
  public RuntimeModeSwitch runtimeSwitch() {
    return admin::runtimeMode;
  }

  /** Switches the legacy write freeze alone over its admin hook. */
  public LegacyFreezeSwitch legacySwitch() {
    return admin::legacyFreeze;
  }

  /** Switches both services, in the order that never has two writers. */
  public ModeSwitch modeSwitch() {
    return ModeSwitch.of(runtimeSwitch(), legacySwitch());
  }

  /** Puts the runtime in {@code mode} and the legacy freeze on or off, as a redeploy would. */
  public RuntimeCutoverStack switchTo(WriteMode mode, boolean legacyFrozen) throws Exception {
    modeSwitch().switchTo(new CutoverStep("set up", mode, legacyFrozen));
    return this;
  }

  /** The defects switched on. */
  public RuntimeVariant variant() {
    return variant;
  }

  @Override
  public void close() {
    try {
      runtimeService.close();
    } finally {
      legacyService.close();
    }
  }
}
