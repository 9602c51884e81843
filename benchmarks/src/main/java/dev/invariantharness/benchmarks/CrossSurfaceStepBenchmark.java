package dev.invariantharness.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import dev.invariantharness.examples.surface.ReferenceRunService;
import dev.invariantharness.examples.surface.SurfaceVariant;
import dev.invariantharness.khala.wire.SyncCodec;
import dev.invariantharness.khala.wire.SyncEvent;
import dev.invariantharness.surface.Answer;
import dev.invariantharness.surface.Operation;
import dev.invariantharness.surface.SurfaceCall;
import dev.invariantharness.surface.compare.CanonicalOptions;
import dev.invariantharness.surface.compare.JsonDiff;
import dev.invariantharness.surface.compare.JsonPointers;
import dev.invariantharness.surface.compare.ProtoJson;
import dev.invariantharness.surface.ParityReport;
import dev.invariantharness.surface.ProtoContract;
import dev.invariantharness.surface.SurfaceParity;
import dev.invariantharness.surface.grpc.GrpcSurface;
import dev.invariantharness.surface.http.HttpJsonSurface;
import dev.invariantharness.surface.scenario.Scenario;
import dev.invariantharness.surface.ws.KhalaSurface;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Claims.</b> 1,000 scenario steps across three surfaces against the local stack take less
 * than 20 s on two cores, and the harness's per-step overhead is at most 1.1× the bare transport
 * calls the steps make.
 *
 * <p>The stack is the examples' {@link ReferenceRunService} (correct variant): HTTP JSON on the
 * JDK server, gRPC on a real Netty port with server reflection, Khala frames on harness-khala's
 * sync server over a real WebSocket; started once per trial. One op is {@value #STEPS} steps:
 *
 * <ul>
 *   <li>{@code shape=read}: the shape and {@code ThroughputTest}'s: one {@code CreateRun}
 *       over HTTP, then 999 {@code GetRun} on gRPC, HTTP and WS (2,998 calls; the WS answer is
 *       the run's frame, already received after the first read);
 *   <li>{@code shape=create-read}: 500 rounds of {@code CreateRun} over HTTP and {@code GetRun}
 *       on gRPC, HTTP and WS (2,000 calls; every WS read waits for a fresh frame).
 * </ul>
 *
 * <p>{@link #harness} runs the scenario with {@link SurfaceParity#run()} (surfaces and contract
 * made once per trial, the scenario validated, every answer parsed into its proto type, put in
 * canonical form and diffed) and requires every row to pass. {@link #bare} makes the same calls
 * with bare clients and checks only the outcome: a {@code java.net.http.HttpClient} (HTTP/1.1,
 * blocking {@code send}, body as a string, the created id read with Jackson), a grpc-java
 * blocking unary call of a {@link DynamicMessage} over the same kind of Netty channel, and a
 * Tyrus session joined and subscribed to the topic whose messages are decoded with
 * harness-khala's Phoenix codec until the run's frame is there. Every call of both has a 2 s
 * deadline.
 *
 * <p>The JDK server needs {@code sun.net.httpserver.nodelay=true}, or every answer waits out the
 * client's delayed ACK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CrossSurfaceStepBenchmark {

  static final int STEPS = 1_000;
  static final Duration DEADLINE = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CREATE_BODY = "{\"title\":\"bench\",\"labels\":[\"ci\"],\"priority\":3}";

  @Param({"read", "create-read"})
  public String shape;

  /** Steps per op; {@link Interleaved} runs shorter scenarios. */
  int steps = STEPS;

  private ReferenceRunService service;
  private ProtoContract contract;
  private Scenario scenario;
  private ManagedChannel harnessChannel;
  private HttpJsonSurface http;
  private GrpcSurface grpc;
  private KhalaSurface ws;

  private HttpClient bareHttp;
  private ManagedChannel bareChannel;
  private MethodDescriptor<DynamicMessage, DynamicMessage> getRun;
  private Descriptor getRunRequest;
  private FieldDescriptor runIdField;
  private ClientManager tyrus;
  private Session session;
  private final LinkedBlockingQueue<String> wsInbox = new LinkedBlockingQueue<>();
  private final Set<String> framesSeen = new HashSet<>();
  private final SyncCodec codec = SyncCodec.phoenixChannel();

  @Setup(Level.Trial)
  public void start() throws Exception {
    service = ReferenceRunService.start(SurfaceVariant.CORRECT);
    harnessChannel = NettyChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext().build();
    // a cold JVM on a busy machine can take seconds to answer the first reflection request
    contract = ProtoContract.fromReflection(harnessChannel, Duration.ofSeconds(30));
    http = HttpJsonSurface.at("http", service.httpBase()).route("CreateRun", "POST", "/v1/runs").route("GetRun", "GET", "/v1/runs/{runId}");
    grpc = GrpcSurface.over("grpc", harnessChannel);
    ws = KhalaSurface.channel("ws", service.channelUri(), DEADLINE).await("GetRun", ReferenceRunService.TOPIC, "/runId");
    Scenario.Builder b = Scenario.named("bench-" + shape).deadline(DEADLINE).volatileFields("/createdAt");
    for (int i = 0; i < steps; i++) {
      boolean create = shape.equals("read") ? i == 0 : i % 2 == 0;
      if (create) {
        b.step("create " + i, s -> s.operation("CreateRun").on("http").input(CREATE_BODY).capture("runId", "/runId"));
      } else {
        b.step("read " + i, s -> s.operation("GetRun").on("grpc", "http", "ws").input("{\"runId\":\"${runId}\"}"));
      }
    }
    scenario = b.build();

    bareHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEADLINE)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    bareChannel = NettyChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext().build();
    Operation op = contract.operation("GetRun");
    getRunRequest = op.inputType();
    runIdField = getRunRequest.findFieldByName("run_id");
    getRun = MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(op.fullMethodName())
        .setRequestMarshaller(marshaller(op.inputType()))
        .setResponseMarshaller(marshaller(op.outputType())).build();
    tyrus = ClientManager.createClient();
    Endpoint endpoint = new Endpoint() {
      @Override
      public void onOpen(Session s, EndpointConfig config) {
        s.addMessageHandler(String.class, (MessageHandler.Whole<String>) wsInbox::add);
      }
    };
    session = tyrus.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), service.channelUri());
    session.getBasicRemote().sendText("[\"1\",\"1\",\"sync:v1\",\"phx_join\",{}]");
    session.getBasicRemote().sendText("[\"1\",\"2\",\"sync:v1\",\"sync:subscribe\",{\"topics\":[\"" + ReferenceRunService.TOPIC
        + "\"],\"resume_after\":{}}]");
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    session.close();
    tyrus.shutdown();
    bareChannel.shutdownNow();
    ws.close();
    http.close();
    harnessChannel.shutdownNow();
    service.close();
  }

  /** The scenario through the harness: every answer parsed, canonicalised and compared. */
  @Benchmark
  public int harness() {
    ParityReport report = SurfaceParity.of(scenario, contract, http, grpc, ws).run();
    if (!report.passed()) {
      throw new IllegalStateException("the harness found " + report.findings().size() + " finding(s), first: " + report.findings().get(0));
    }
    return report.rows().size();
  }

  /** The same calls with bare clients, checking only that each succeeded. */
  @Benchmark
  public int bare() throws Exception {
    String runId = null;
    int calls = 0;
    for (int i = 0; i < steps; i++) {
      boolean create = shape.equals("read") ? i == 0 : i % 2 == 0;
      if (create) {
        HttpResponse<String> r = bareHttp.send(HttpRequest.newBuilder(URI.create(service.httpBase() + "/v1/runs")).timeout(DEADLINE)
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY)).build(), HttpResponse.BodyHandlers.ofString());
        ok(r);
        runId = JSON.readTree(r.body()).get("runId").asText();
        calls++;
        continue;
      }
      DynamicMessage reply = ClientCalls.blockingUnaryCall(bareChannel, getRun,
          CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toNanos(), TimeUnit.NANOSECONDS),
          DynamicMessage.newBuilder(getRunRequest).setField(runIdField, runId).build());
      if (reply.getAllFields().isEmpty()) {
        throw new IllegalStateException("empty GetRun answer over gRPC");
      }
      ok(bareHttp.send(HttpRequest.newBuilder(URI.create(service.httpBase() + "/v1/runs/" + runId)).timeout(DEADLINE)
          .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()));
      awaitFrame(runId);
      calls += 3;
    }
    return calls;
  }

  private static MethodDescriptor.Marshaller<DynamicMessage> marshaller(Descriptor type) {
    return new MethodDescriptor.Marshaller<>() {
      @Override
      public InputStream stream(DynamicMessage value) {
        return value.toByteString().newInput();
      }

      @Override
      public DynamicMessage parse(InputStream stream) {
        try {
          return DynamicMessage.parseFrom(type, stream);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static void ok(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode());
    }
  }

  private void awaitFrame(String runId) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!framesSeen.contains(runId)) {
      String text = wsInbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (text == null) {
        throw new IllegalStateException("no frame for " + runId + " within " + DEADLINE);
      }
      for (SyncEvent e : codec.decode(text)) {
        if (e instanceof SyncEvent.Frame f && f.payload() != null) {
          JsonNode id = JSON.readTree(f.payload()).get("runId");
          if (id != null) {
            framesSeen.add(id.asText());
          }
        }
      }
    }
  }

  /**
   * The same comparison one call at a time, averaged over many calls per iteration so that the
   * machine's load spreads over both sides: one {@code GetRun} over HTTP through
   * {@link HttpJsonSurface} (harness-core's {@code HttpProber}) against a bare {@code HttpClient},
   * one over gRPC through {@link GrpcSurface} against a bare blocking call, and the harness's own
   * work on one three-surface step's answers without any transport (parse into the proto type,
   * canonical form, diff) — what the harness adds per step beyond the calls.
   */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public static class PerCall {

    private ReferenceRunService service;
    private ManagedChannel channel;
    private HttpJsonSurface http;
    private GrpcSurface grpc;
    private HttpClient bareHttp;
    private MethodDescriptor<DynamicMessage, DynamicMessage> getRun;
    private SurfaceCall call;
    private URI runUri;
    private Descriptor runType;
    private String httpAnswer;
    private com.google.protobuf.Message grpcAnswer;
    private String wsAnswer;
    private ProtoContract contract;
    private Scenario inMemoryScenario;
    static final int IN_MEMORY_STEPS = 100;

    @Setup(Level.Trial)
    public void start() throws Exception {
      service = ReferenceRunService.start(SurfaceVariant.CORRECT);
      channel = NettyChannelBuilder.forAddress("127.0.0.1", service.grpcPort()).usePlaintext().build();
      ProtoContract contract = ProtoContract.fromReflection(channel, Duration.ofSeconds(30));
      http = HttpJsonSurface.at("http", service.httpBase()).route("CreateRun", "POST", "/v1/runs").route("GetRun", "GET", "/v1/runs/{runId}");
      grpc = GrpcSurface.over("grpc", channel);
      bareHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(DEADLINE)
          .followRedirects(HttpClient.Redirect.NEVER).build();
      HttpResponse<String> created = bareHttp.send(HttpRequest.newBuilder(URI.create(service.httpBase() + "/v1/runs")).timeout(DEADLINE)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CREATE_BODY)).build(),
          HttpResponse.BodyHandlers.ofString());
      String runId = JSON.readTree(created.body()).get("runId").asText();
      runUri = URI.create(service.httpBase() + "/v1/runs/" + runId);
      Operation op = contract.operation("GetRun");
      runType = op.outputType();
      getRun = MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(op.fullMethodName()).setRequestMarshaller(marshaller(op.inputType()))
          .setResponseMarshaller(marshaller(op.outputType())).build();
      DynamicMessage request = DynamicMessage.newBuilder(op.inputType()).setField(op.inputType().findFieldByName("run_id"), runId).build();
      call = new SurfaceCall("bench", "read", op, JSON.readTree("{\"runId\":\"" + runId + "\"}"), request, DEADLINE);
      httpAnswer = http.call(call).json();
      grpcAnswer = grpc.call(call).message();
      wsAnswer = httpAnswer;
      this.contract = contract;
      Scenario.Builder b = Scenario.named("in-memory").deadline(DEADLINE).volatileFields("/createdAt")
          .step("create", st -> st.operation("CreateRun").on("http").input(CREATE_BODY).capture("runId", "/runId"));
      for (int i = 1; i < IN_MEMORY_STEPS; i++) {
        b.step("read " + i, st -> st.operation("GetRun").on("grpc", "http", "ws").input("{\"runId\":\"${runId}\"}"));
      }
      inMemoryScenario = b.build();
    }

    @TearDown(Level.Trial)
    public void stop() {
      http.close();
      channel.shutdownNow();
      service.close();
    }

    @Benchmark
    public Answer httpSurface() {
      Answer a = http.call(call);
      if (a.kind() != Answer.Kind.OK) {
        throw new IllegalStateException(a.describe());
      }
      return a;
    }

    @Benchmark
    public String httpBare() throws Exception {
      HttpResponse<String> r = bareHttp.send(HttpRequest.newBuilder(runUri).timeout(DEADLINE).header("Accept", "application/json").GET()
          .build(), HttpResponse.BodyHandlers.ofString());
      ok(r);
      return r.body();
    }

    @Benchmark
    public Answer grpcSurface() {
      Answer a = grpc.call(call);
      if (a.kind() != Answer.Kind.OK) {
        throw new IllegalStateException(a.describe());
      }
      return a;
    }

    @Benchmark
    public DynamicMessage grpcBare() {
      return ClientCalls.blockingUnaryCall(channel, getRun, CallOptions.DEFAULT.withDeadlineAfter(DEADLINE.toNanos(), TimeUnit.NANOSECONDS),
          call.request());
    }

    /**
     * A whole {@value #IN_MEMORY_STEPS}-step read scenario through {@link SurfaceParity} over three
     * surfaces that answer from memory with the answers the real ones gave: everything the harness
     * does per step (validation, variables, request parsing, canonical forms, diffs, rows) without
     * any transport. Divide by {@value #IN_MEMORY_STEPS} for the harness's own cost of one step.
     */
    @Benchmark
    public int scenarioWithoutTransport() {
      ParityReport report = SurfaceParity.of(inMemoryScenario, contract, canned("grpc", true), canned("http", false), canned("ws", false)).run();
      if (!report.passed()) {
        throw new IllegalStateException(report.findings().get(0).toString());
      }
      return report.rows().size();
    }

    private dev.invariantharness.surface.Surface canned(String name, boolean message) {
      return new dev.invariantharness.surface.Surface() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public java.util.Optional<String> cannotServe(Operation operation) {
          return java.util.Optional.empty();
        }

        @Override
        public Answer call(SurfaceCall c) {
          return message ? Answer.okMessage(name, grpcAnswer, Duration.ZERO) : Answer.okJson(name, 200, httpAnswer, Duration.ZERO);
        }
      };
    }

    /** The harness's work on one GetRun step's three answers, no transport: canonical forms and two diffs. */
    @Benchmark
    public int compareOneStep() {
      CanonicalOptions options = CanonicalOptions.standard();
      JsonNode g = ProtoJson.fromMessage(grpcAnswer, options).tree();
      JsonNode h = ProtoJson.fromJson(runType, httpAnswer, options).tree();
      JsonNode w = ProtoJson.fromJson(runType, wsAnswer, options).tree();
      List<String> volatileFields = List.of("/createdAt");
      JsonNode gs = JsonPointers.without(g, volatileFields);
      int differences = JsonDiff.between(gs, JsonPointers.without(h, volatileFields)).size()
          + JsonDiff.between(gs, JsonPointers.without(w, volatileFields)).size();
      if (differences != 0) {
        throw new IllegalStateException(differences + " difference(s)");
      }
      return differences;
    }
  }

  /**
   * The overhead ratio with the machine's load cancelled out: each op runs a
   * {@value #CHUNK}-step scenario through the harness and the same calls with the bare clients,
   * back to back, alternating which goes first, against one stack. Their wall times are summed
   * per iteration in the {@code harnessMicros} and {@code bareMicros} counters; the ratio of the
   * two is the per-step overhead, measured under the same load.
   */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Fork(value = 3, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
  @Warmup(iterations = 2, time = 10)
  @Measurement(iterations = 3, time = 10)
  public static class Interleaved {

    static final int CHUNK = 100;

    @Param({"read", "create-read"})
    public String shape;

    private final CrossSurfaceStepBenchmark side = new CrossSurfaceStepBenchmark();
    private boolean harnessFirst;

    /** Wall time of each side, summed over an iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Elapsed {
      public long harnessMicros;
      public long bareMicros;

      @Setup(Level.Iteration)
      public void clear() {
        harnessMicros = 0;
        bareMicros = 0;
      }
    }

    @Setup(Level.Trial)
    public void start() throws Exception {
      side.shape = shape;
      side.steps = CHUNK;
      side.start();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
      side.stop();
    }

    @Benchmark
    public int pair(Elapsed elapsed) throws Exception {
      harnessFirst = !harnessFirst;
      int n = 0;
      for (int k = 0; k < 2; k++) {
        long start = System.nanoTime();
        if ((k == 0) == harnessFirst) {
          n += side.harness();
          elapsed.harnessMicros += (System.nanoTime() - start) / 1_000;
        } else {
          n += side.bare();
          elapsed.bareMicros += (System.nanoTime() - start) / 1_000;
        }
      }
      return n;
    }
  }
}
