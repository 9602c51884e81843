package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a traffic parity run found, beyond the report: how much was replayed and what was
 * learned as noise.
 *
 * @param report the shadow parity report
 * @param exchanges how many exchanges were replayed
 * @param failedExchanges exchanges where at least one side did not answer
 * @param noise per route ({@code METHOD /path} with id-like segments as {@code {id}}), the
 *     fields that differed between the two legacy instances; pointers with array indices as
 *     {@code *}, plus {@code #status} / {@code #body} when those differed
 * @param suppressedAsNoise legacy-vs-candidate diffs dropped because they were noise
 * @param elapsed wall-clock time of the replay
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TrafficParityResult(
    ParityReport report, int exchanges, int failedExchanges, Map<String, Set<String>> noise,
    int suppressedAsNoise, Duration elapsed) {

  /** Copies the noise map. */
  public TrafficParityResult {
    noise = Map.copyOf(noise);
  }
}
