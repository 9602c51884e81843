package dev.invariantharness.examples.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.examples.surface.proto.CreateRunRequest;
import dev.invariantharness.examples.surface.proto.GetRunRequest;
import dev.invariantharness.examples.surface.proto.ListRunsRequest;
import dev.invariantharness.examples.surface.proto.Run;
import dev.invariantharness.examples.surface.proto.RunState;
import dev.invariantharness.examples.surface.proto.RunsProto;
import dev.invariantharness.examples.surface.proto.StartRunRequest;
import dev.invariantharness.khala.fake.FakeSyncServer;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A run service exposed on three surfaces at once, on loopback ports: HTTP JSON (JDK server:
 * {@code POST /v1/runs}, {@code GET /v1/runs/{runId}}, {@code POST /v1/runs/{runId}:start},
 * {@code GET /v1/runs?label=} streaming grpc-gateway's {@code {"result": run}} lines), gRPC
 * on a real Netty port ({@code invariant.examples.runs.v1.RunService} with server reflection, its
 * methods written by hand over the generated messages), and Khala WebSocket frames (every change
 * of a run is appended to {@link #TOPIC} on harness-khala's sync server). A {@link SurfaceVariant}
 * makes the HTTP or WS surface drift.
 */
public final class ReferenceRunService implements AutoCloseable {

  /** The topic run changes are published on. */
  public static final String TOPIC = "runtime.run_summaries";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SurfaceVariant variant;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer http;
  private final Server grpc;
  private final FakeSyncServer khala;

  private ReferenceRunService(SurfaceVariant variant) throws IOException {
    this.variant = variant;
    this.khala = FakeSyncServer.builder().name("reference-runs-khala").topic(TOPIC, List.of()).start();
    this.http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/v1/runs", this::serveHttp);
    http.start();
    this.grpc = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(grpcService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .build().start();
  }

  /** Starts the service with {@code variant}'s drift. */
  public static ReferenceRunService start(SurfaceVariant variant) throws IOException {
    return new ReferenceRunService(variant);
  }

  /** The HTTP base URI. */
  public URI httpBase() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** The gRPC port. */
  public int grpcPort() {
    return grpc.getPort();
  }

  /** The Khala channel socket URI. */
  public URI channelUri() {
    return khala.channelUri();
  }

  // ---- the service itself, one implementation behind every surface

  private Run create(CreateRunRequest r) {
    Run run = Run.newBuilder().setRunId("run-" + ids.incrementAndGet()).setTitle(r.getTitle()).addAllLabels(r.getLabelsList())
        .setPriority(r.getPriority()).setState(RunState.RUN_STATE_QUEUED).setEventCount(1)
        .setCreatedAt(Instant.now().toString()).build();
    runs.put(run.getRunId(), run);
    if (variant != SurfaceVariant.WS_FRAME_MISSING) {
      khala.append(TOPIC, print(run, JsonFormat.printer()));
    }
    return run;
  }

  private Run get(String runId) {
    Run run = runs.get(runId);
    if (run == null) {
      throw Status.NOT_FOUND.withDescription("no run " + runId).asRuntimeException();
    }
    return run;
  }

  private Run startRun(String runId) {
    Run run = get(runId);
    if (run.getState() != RunState.RUN_STATE_QUEUED) {
      throw Status.FAILED_PRECONDITION.withDescription("run " + runId + " is " + run.getState()).asRuntimeException();
    }
    Run started = run.toBuilder().setState(RunState.RUN_STATE_RUNNING).setEventCount(run.getEventCount() + 1).build();
    runs.put(runId, started);
    khala.append(TOPIC, print(started, JsonFormat.printer()));
    return started;
  }

  private List<Run> listed(String label) {
    return runs.values().stream().filter(r -> label.isEmpty() || r.getLabelsList().contains(label))
        .sorted(java.util.Comparator.comparingInt(r -> Integer.parseInt(r.getRunId().substring("run-".length())))).toList();
  }

  // ---- HTTP JSON

  private void serveHttp(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String rest = path.substring("/v1/runs".length());
      try {
        if (method.equals("GET") && rest.isEmpty()) {
          String query = ex.getRequestURI().getQuery();
          sendStream(ex, listed(query != null && query.startsWith("label=") ? query.substring("label=".length()) : ""));
        } else if (method.equals("POST") && rest.isEmpty()) {
          CreateRunRequest.Builder b = CreateRunRequest.newBuilder();
          JsonFormat.parser().merge(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), b);
          send(ex, 200, httpJson(create(b.build())));
        } else if (method.equals("GET") && rest.startsWith("/") && !rest.contains(":")) {
          send(ex, 200, httpJson(get(rest.substring(1))));
        } else if (method.equals("POST") && rest.startsWith("/") && rest.endsWith(":start")) {
          String runId = rest.substring(1, rest.length() - ":start".length());
          if (variant == SurfaceVariant.DROPS_STEP) {
            send(ex, 202, "");
          } else {
            send(ex, 200, httpJson(startRun(runId)));
          }
        } else {
          send(ex, 404, "{\"message\":\"no route " + method + " " + path + "\"}");
        }
      } catch (StatusRuntimeException e) {
        sendError(ex, e.getStatus());
      } catch (InvalidProtocolBufferException e) {
        sendError(ex, Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
      }
    }
  }

  /** A server stream over HTTP as grpc-gateway writes it: one {@code {"result": run}} per line. */
  private void sendStream(HttpExchange ex, List<Run> found) throws IOException {
    List<Run> sent = new ArrayList<>(found);
    if (variant == SurfaceVariant.STREAM_MISSING_ELEMENT && sent.size() > 1) {
      sent.remove(1);
    }
    List<String> messages = sent.stream().map(this::httpJson).toList();
    String body = variant == SurfaceVariant.STREAM_AS_ARRAY
        ? "[" + String.join(",", messages) + "]"
        : messages.stream().map(m -> "{\"result\":" + m + "}\n").collect(java.util.stream.Collectors.joining());
    send(ex, 200, body);
  }

  private void sendError(HttpExchange ex, Status status) throws IOException {
    int http = switch (status.getCode()) {
      case NOT_FOUND -> variant == SurfaceVariant.ERROR_CODE ? 400 : 404;
      case FAILED_PRECONDITION, INVALID_ARGUMENT -> 400;
      default -> 500;
    };
    ObjectNode body = JSON.createObjectNode();
    boolean stateCode = variant != SurfaceVariant.STATUS_WITHOUT_CODE && variant != SurfaceVariant.ERROR_CODE;
    if (stateCode) {
      body.put("code", status.getCode().value());
    }
    body.put("message", status.getDescription());
    send(ex, http, body.toString());
  }

  /** The run as this variant's HTTP surface writes it. */
  private String httpJson(Run run) {
    return switch (variant) {
      case FIELD_RENAMED -> print(run, JsonFormat.printer()).replace("\"title\":", "\"runTitle\":");
      case HTTP_ONLY_FIELD -> edit(print(run, JsonFormat.printer()), o -> o.put("debugOwner", "runtime-team"));
      case ENUM_MISSING -> print(run.getState() == RunState.RUN_STATE_RUNNING ? run.toBuilder().clearState().build() : run, JsonFormat.printer());
      case FIELD_ORDER -> edit(print(run, JsonFormat.printer()), ReferenceRunService::reversed);
      case DEFAULTS_PRESENT -> print(run, JsonFormat.printer().alwaysPrintFieldsWithNoPresence().preservingProtoFieldNames());
      case INT64_AS_NUMBER -> edit(print(run, JsonFormat.printer()), o -> o.put("eventCount", run.getEventCount()));
      case ENUM_AS_NUMBER -> print(run, JsonFormat.printer().printingEnumsAsInts());
      default -> print(run, JsonFormat.printer());
    };
  }

  private static ObjectNode reversed(ObjectNode o) {
    List<String> names = new ArrayList<>();
    o.fieldNames().forEachRemaining(names::add);
    ObjectNode out = JSON.createObjectNode();
    for (int i = names.size() - 1; i >= 0; i--) {
      out.set(names.get(i), o.get(names.get(i)));
    }
    o.removeAll();
    o.setAll(out);
    return o;
  }

  private static String edit(String json, Function<ObjectNode, JsonNode> change) {
    try {
      return change.apply((ObjectNode) JSON.readTree(json)).toString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String print(Message m, JsonFormat.Printer printer) {
    try {
      return printer.omittingInsignificantWhitespace().print(m);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  // ---- gRPC, by hand over the generated messages (the build generates no stubs)

  private ServerServiceDefinition grpcService() {
    ServiceDescriptor proto = RunsProto.getDescriptor().findServiceByName("RunService");
    MethodDescriptor<CreateRunRequest, Run> create = unary(proto, "CreateRun", CreateRunRequest.getDefaultInstance());
    MethodDescriptor<GetRunRequest, Run> get = unary(proto, "GetRun", GetRunRequest.getDefaultInstance());
    MethodDescriptor<StartRunRequest, Run> start = unary(proto, "StartRun", StartRunRequest.getDefaultInstance());
    MethodDescriptor<ListRunsRequest, Run> list = MethodDescriptor.<ListRunsRequest, Run>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING).setFullMethodName(proto.getFullName() + "/ListRuns")
        .setRequestMarshaller(ProtoUtils.marshaller(ListRunsRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Run.getDefaultInstance())).build();
    io.grpc.ServiceDescriptor service = io.grpc.ServiceDescriptor.newBuilder(proto.getFullName())
        .setSchemaDescriptor(new Schema(proto)).addMethod(create).addMethod(get).addMethod(start).addMethod(list).build();
    return ServerServiceDefinition.builder(service)
        .addMethod(create, ServerCalls.asyncUnaryCall((req, out) -> answer(out, () -> create(req))))
        .addMethod(get, ServerCalls.asyncUnaryCall((req, out) -> answer(out, () -> get(req.getRunId()))))
        .addMethod(start, ServerCalls.asyncUnaryCall((req, out) -> answer(out, () -> startRun(req.getRunId()))))
        .addMethod(list, ServerCalls.asyncServerStreamingCall((req, out) -> {
          listed(req.getLabel()).forEach(out::onNext);
          out.onCompleted();
        }))
        .build();
  }

  private static <Q extends Message> MethodDescriptor<Q, Run> unary(ServiceDescriptor proto, String name, Q request) {
    return MethodDescriptor.<Q, Run>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(proto.getFullName() + "/" + name)
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(Run.getDefaultInstance()))
        .build();
  }

  private static void answer(StreamObserver<Run> out, java.util.function.Supplier<Run> body) {
    try {
      out.onNext(body.get());
      out.onCompleted();
    } catch (StatusRuntimeException e) {
      out.onError(e);
    }
  }

  private record Schema(ServiceDescriptor service) implements ProtoServiceDescriptorSupplier {
    @Override
    public FileDescriptor getFileDescriptor() {
      return service.getFile();
    }

    @Override
    public ServiceDescriptor getServiceDescriptor() {
      return service;
    }
  }

  @Override
  public void close() {
    http.stop(0);
    grpc.shutdown();
    try {
      if (!grpc.awaitTermination(2, TimeUnit.SECONDS)) {
        grpc.shutdownNow();
      }
    } catch (InterruptedException e) {
      grpc.shutdownNow();
      Thread.currentThread().interrupt();
    }
    khala.close();
  }
}
