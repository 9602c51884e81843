package dev.invariantharness.runtime.smoke;

import static dev.invariantharness.runtime.smoke.SmokeAssertions.assertThat;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.InvariantTest;
import dev.invariantharness.Verifies;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.runtime.WriteMode;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The runtime's smoke lane (validation matrix lane 2, with the write-mode report that lane 5's
 * rollback readiness relies on), ready to extend: health and readiness, the authority write
 * mode its health reports, and a read.
 *
 * <pre>{@code
 * class RuntimeSmokeGates extends RuntimeSmokeSuite {}
 *
 * // mvn verify -Dinvariant.harness.environment=prod
 * //   PROD_RUNTIME_BASE_URL=https://runtime.example.com         (required)
 * //   -Dinvariant.harness.target.runtime.write-mode=rust_active (optional: the mode this environment must be in)
 * //   PROD_RUNTIME_ACCESS_TOKEN=...                             (optional: sent with the read)
 * }</pre>
 *
 * <p>Rows: {@code serviceIsHealthyAndReady} and {@code authorityReadAnswers} are required INV-08
 * checks, {@code healthReportsAuthorityWriteMode} a required INV-05 check (see
 * {@link ServiceSmokeAssert} for why). A missing runtime base URL fails them, naming the key:
 * the script skips the runtime rows as <em>required</em> then, which gating counts as failed
 * anyway.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@InvariantTest(lane = "runtime")
public abstract class RuntimeSmokeSuite {

  /** Configuration key: comma-separated write modes this environment may be in. */
  public static final String EXPECTED_WRITE_MODE = "invariant.harness.target.runtime.write-mode";

  /** The runtime under test; by default {@code runtime} from configuration. */
  protected SmokeTarget target(HarnessConfiguration config) {
    return SmokeTarget.fromConfiguration(config, "runtime");
  }

  /**
   * The read to probe. The default asks for a run that does not exist: the runtime answers 404
   * with a JSON error from its run store, which proves the read path without writing anything.
   */
  protected String readPath() {
    return "/internal/v1/runs/invariant-harness-smoke-probe";
  }

  /** Write modes this environment may be in; by default {@link #EXPECTED_WRITE_MODE}, else any. */
  protected WriteMode[] expectedWriteModes(HarnessConfiguration config) {
    List<WriteMode> modes = new ArrayList<>();
    for (String m : config.get(EXPECTED_WRITE_MODE).map(s -> s.split(",")).orElse(new String[0])) {
      if (!m.isBlank()) {
        modes.add(WriteMode.fromWire(m).orElseThrow(() -> new HarnessInputException(
            "configuration key '" + EXPECTED_WRITE_MODE + "'", "'" + m.trim() + "' is not a write mode; use rust_active, shadow_only or read_only")));
      }
    }
    return modes.toArray(WriteMode[]::new);
  }

  /** {@code /healthz} and {@code /readyz} answer 2xx and report the runtime up and ready. */
  @Test
  @DisplayName("runtime health/ready endpoints (/healthz, /readyz)")
  @Verifies("INV-08")
  public void serviceIsHealthyAndReady(HarnessConfiguration config) {
    assertThat(target(config).service()).isReady();
  }

  /** {@code /healthz} reports {@code authority_write_mode}, consistent with {@code authority_writer_active}. */
  @Test
  @DisplayName("runtime health reports authority_write_mode (rust_active|shadow_only|read_only)")
  @Verifies("INV-05")
  public void healthReportsAuthorityWriteMode(HarnessConfiguration config) {
    assertThat(target(config).service()).reportsWriteMode(expectedWriteModes(config));
  }

  /** A read answers (2xx, or 404 with a JSON body), also while writes are frozen. */
  @Test
  @DisplayName("runtime authority read answers")
  @Verifies("INV-08")
  public void authorityReadAnswers(HarnessConfiguration config) {
    assertThat(target(config).service()).servesRead(readPath());
  }
}
