package dev.invariantharness.examples.surface;

import dev.invariantharness.surface.ProtoContract;
import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.ws.KhalaSurface;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.time.Duration;

/**
 * The reference run service (in a {@link SurfaceVariant}) and, beside it, a correct "legacy"
 * deployment, with the surfaces a parity suite asks them through: {@code http}, {@code grpc}
 * (Netty, contract from server reflection) and {@code ws} on the service, {@code legacy} and
 * {@code new} for the mixed-version window.
 */
public final class SurfaceStack implements AutoCloseable {

  private final ReferenceRunService service;
  private final ReferenceRunService legacyService;
  private final ManagedChannel channel;
  private final ProtoContract contract;
  private final HttpJsonSurface http;
  private final HttpJsonSurface legacy;
  private final HttpJsonSurface fresh;
  private final GrpcSurface grpc;
  private final KhalaSurface ws;

  private SurfaceStack(SurfaceVariant variant, Duration timeout) throws IOException {
    service = ReferenceRunService.start(variant);
    legacyService = ReferenceRunService.start(SurfaceVariant.CORRECT);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext().build();
    contract = ProtoContract.fromReflection(channel, timeout);
    http = routes(HttpJsonSurface.at("http", service.httpBase()));
    fresh = routes(HttpJsonSurface.at("new", service.httpBase()));
    legacy = routes(HttpJsonSurface.at("legacy", legacyService.httpBase()));
    grpc = GrpcSurface.over("grpc", channel).closingChannel();
    ws = KhalaSurface.channel("ws", service.channelUri(), timeout).await("GetRun", ReferenceRunService.TOPIC, "/runId");
  }

  private static HttpJsonSurface routes(HttpJsonSurface s) {
    return s.route("CreateRun", "POST", "/v1/runs")
        .route("GetRun", "GET", "/v1/runs/{runId}")
        .route("StartRun", "POST", "/v1/runs/{runId}:start")
        .route("ListRuns", "GET", "/v1/runs");
  }

  /** Starts the stack; connecting and reflection are bounded by {@code timeout}. */
  public static SurfaceStack start(SurfaceVariant variant, Duration timeout) throws IOException {
    return new SurfaceStack(variant, timeout);
  }

  /** The contract, as the gRPC server's reflection service describes it. */
  public ProtoContract contract() {
    return contract;
  }

  /** The service's HTTP JSON surface. */
  public HttpJsonSurface http() {
    return http;
  }

  /** The service's gRPC surface. */
  public GrpcSurface grpc() {
    return grpc;
  }

  /** The service's WebSocket surface. */
  public KhalaSurface ws() {
    return ws;
  }

  /** The correct legacy deployment's HTTP surface. */
  public HttpJsonSurface legacy() {
    return legacy;
  }

  /** The service's HTTP surface as the new deployment of a mixed-version window. */
  public HttpJsonSurface fresh() {
    return fresh;
  }

  @Override
  public void close() {
    ws.close();
    grpc.close();
    http.close();
    fresh.close();
    legacy.close();
    service.close();
    legacyService.close();
  }
}
