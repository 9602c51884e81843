package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.Descriptors.Descriptor;
import java.time.Duration;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One way to ask the service: HTTP JSON ({@link dev.invariantharness.surface.http.HttpJsonSurface}),
 * gRPC ({@link dev.invariantharness.surface.grpc.GrpcSurface}), WebSocket frames
 * ({@link dev.invariantharness.surface.ws.KhalaSurface}), or a team's own. A surface turns a
 * {@link SurfaceCall} into an {@link Answer} within the call's deadline and never throws for what
 * the peer did: a refused connection, a timeout or a malformed answer is an {@link Answer.Kind#NO_ANSWER}.
 *
 * <p>Surfaces are named; scenarios name the surfaces each step runs on. The same implementation
 * under two names ({@code legacy}, {@code new}) gives route-group parity during a mixed-version
 * window.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface Surface extends AutoCloseable {

  /** The name scenarios use for this surface. */
  String name();

  /**
   * Why this surface cannot run {@code operation} (no route, no topic bound to it), or empty when
   * it can. Asked for every step before anything runs, so a scenario that cannot run fails at once
   * naming the step.
   */
  Optional<String> cannotServe(Operation operation);

  /** The message type this surface's answers to {@code operation} are parsed into. */
  default Descriptor answerType(Operation operation) {
    return operation.outputType();
  }

  /** Connects (e.g. subscribes a WebSocket) before the first step; idempotent; bounded by {@code deadline}. */
  default void open(Duration deadline) {}

  /** Asks one step, bounded by {@link SurfaceCall#deadline()}. */
  Answer call(SurfaceCall call);

  /** Releases connections; the default does nothing. */
  @Override
  default void close() {}
}
