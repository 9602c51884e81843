package dev.invariantharness.surface.grpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import dev.invariantharness.surface.Answer;
import dev.invariantharness.surface.Operation;
import dev.invariantharness.surface.Surface;
import dev.invariantharness.surface.SurfaceCall;
import dev.invariantharness.surface.grpc.internal.DynamicMarshaller;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * The gRPC surface: every operation is a unary or server-streaming call made by dynamic invocation — the method and
 * its message types come from the {@link dev.invariantharness.surface.ProtoContract} (server
 * reflection or a descriptor set), requests and answers are {@link DynamicMessage}s, no generated
 * stub is needed. Each call carries the step's deadline; for a server-streaming method the answer
 * is every message of the stream, and the deadline bounds the whole stream, not each message.
 * Client and bidirectional streaming are not called (a scenario naming one is refused).
 *
 * <pre>{@code
 * ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
 * GrpcSurface grpc = GrpcSurface.over("grpc", channel).closingChannel();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class GrpcSurface implements Surface {

  private final String name;
  private final Channel channel;
  private final boolean ownsChannel;
  private final Map<String, MethodDescriptor<DynamicMessage, DynamicMessage>> methods = new ConcurrentHashMap<>();

  private GrpcSurface(String name, Channel channel, boolean ownsChannel) {
    this.name = Objects.requireNonNull(name, "name");
    this.channel = Objects.requireNonNull(channel, "channel");
    this.ownsChannel = ownsChannel;
  }

  /** A surface called {@code name} over {@code channel}; the caller keeps the channel. */
  public static GrpcSurface over(String name, Channel channel) {
    return new GrpcSurface(name, channel, false);
  }

  /** This surface, shutting its {@link ManagedChannel} down on {@link #close()}. */
  public GrpcSurface closingChannel() {
    if (!(channel instanceof ManagedChannel)) {
      throw new IllegalStateException("only a ManagedChannel can be shut down");
    }
    return new GrpcSurface(name, channel, true);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<String> cannotServe(Operation operation) {
    return Optional.empty();
  }

  @Override
  public Answer call(SurfaceCall call) {
    MethodDescriptor<DynamicMessage, DynamicMessage> method = methods.computeIfAbsent(call.operation().fullMethodName(),
        n -> descriptor(call.operation()));
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(call.deadline().toNanos(), TimeUnit.NANOSECONDS);
    long start = System.nanoTime();
    if (call.operation().serverStreaming()) {
      return stream(call, method, options, start);
    }
    try {
      DynamicMessage reply = ClientCalls.blockingUnaryCall(channel, method, options, call.request());
      return Answer.okMessage(name, reply, Duration.ofNanos(System.nanoTime() - start));
    } catch (StatusRuntimeException e) {
      return failed(call, e, start, "");
    }
  }

  private Answer stream(SurfaceCall call, MethodDescriptor<DynamicMessage, DynamicMessage> method, CallOptions options, long start) {
    List<DynamicMessage> received = new ArrayList<>();
    try {
      // the deadline is on the call, so it bounds the whole stream: a server that stops sending
      // without ending the stream is cut off when it expires
      Iterator<DynamicMessage> it = ClientCalls.blockingServerStreamingCall(channel, method, options, call.request());
      while (it.hasNext()) {
        received.add(it.next());
      }
      return Answer.okStream(name, received, Duration.ofNanos(System.nanoTime() - start));
    } catch (StatusRuntimeException e) {
      return failed(call, e, start, received.isEmpty() ? "" : " after " + received.size() + " streamed message(s)");
    }
  }

  private Answer failed(SurfaceCall call, StatusRuntimeException e, long start, String progress) {
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Status s = e.getStatus();
    String description = s.getDescription() == null ? "" : s.getDescription();
    if (s.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return Answer.none(name, (call.operation().serverStreaming() ? "the stream of " + call.operation() + " did not end"
          : "no answer from " + call.operation()) + " within " + call.deadline() + progress, took);
    }
    if (s.getCode() == Status.Code.UNIMPLEMENTED && description.contains(call.operation().fullMethodName())) {
      return Answer.none(name, "the server at " + channel.authority() + " has no method " + call.operation() + " (UNIMPLEMENTED)", took);
    }
    if (s.getCode() == Status.Code.UNAVAILABLE && s.getCause() != null) {
      return Answer.none(name, channel.authority() + " is unreachable: " + description, took);
    }
    return Answer.error(name, s.getCode(), -1, description + progress, took);
  }

  private static MethodDescriptor<DynamicMessage, DynamicMessage> descriptor(Operation op) {
    Descriptor in = op.inputType();
    Descriptor out = op.outputType();
    return MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
        .setType(op.serverStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING : MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(op.fullMethodName())
        .setRequestMarshaller(new DynamicMarshaller(in))
        .setResponseMarshaller(new DynamicMarshaller(out))
        .build();
  }

  @Override
  public void close() {
    if (ownsChannel) {
      ManagedChannel c = (ManagedChannel) channel;
      c.shutdown();
      try {
        if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
          c.shutdownNow();
        }
      } catch (InterruptedException e) {
        c.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return name + " (gRPC " + channel.authority() + ")";
  }
}
