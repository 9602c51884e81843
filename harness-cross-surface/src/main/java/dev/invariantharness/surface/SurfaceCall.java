package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.DynamicMessage;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One step asked of one surface.
 *
 * @param scenario the scenario's name
 * @param step the step's name
 * @param operation the resolved operation
 * @param input the request as proto JSON, variables substituted
 * @param request the same request parsed into the operation's input type
 * @param deadline the bound on the whole call
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SurfaceCall(String scenario, String step, Operation operation, JsonNode input, DynamicMessage request,
    Duration deadline) {

  /** {@code scenario 'x' step 'y'}, for messages. */
  public String where() {
    return "scenario '" + scenario + "' step '" + step + "'";
  }
}
