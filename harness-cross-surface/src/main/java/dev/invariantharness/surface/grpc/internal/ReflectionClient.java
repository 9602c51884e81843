package dev.invariantharness.surface.grpc.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.invariantharness.HarnessInputException;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Fetches every service's file descriptors over one {@code grpc.reflection.v1} stream: list the
 * services, ask for the file of each, then for every import not yet seen. Each answer is awaited
 * within what is left of the timeout.
 */
public final class ReflectionClient {

  private static final Object DONE = new Object();

  private ReflectionClient() {}

  /** The file protos that define every service of the server behind {@code channel}. */
  public static List<FileDescriptorProto> fetch(Channel channel, Duration timeout) {
    String input = "server reflection at " + channel.authority();
    long deadline = System.nanoTime() + timeout.toNanos();
    LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse value) {
            inbox.add(value);
          }

          @Override
          public void onError(Throwable t) {
            inbox.add(t);
          }

          @Override
          public void onCompleted() {
            inbox.add(DONE);
          }
        });
    try {
      requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
      ServerReflectionResponse list = next(inbox, deadline, input, timeout);
      Map<String, FileDescriptorProto> files = new LinkedHashMap<>();
      Deque<String> wanted = new ArrayDeque<>();
      for (ServiceResponse s : list.getListServicesResponse().getServiceList()) {
        if (s.getName().startsWith("grpc.reflection.")) {
          continue;
        }
        requests.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(s.getName()).build());
        take(next(inbox, deadline, input, timeout), files, wanted, input);
      }
      while (!wanted.isEmpty()) {
        String name = wanted.poll();
        if (files.containsKey(name) || name.startsWith("google/protobuf/")) {
          continue;
        }
        requests.onNext(ServerReflectionRequest.newBuilder().setFileByFilename(name).build());
        take(next(inbox, deadline, input, timeout), files, wanted, input);
      }
      requests.onCompleted();
      return new ArrayList<>(files.values());
    } catch (RuntimeException e) {
      requests.onError(Status.CANCELLED.withDescription("harness gave up").asRuntimeException());
      throw e;
    }
  }

  private static void take(ServerReflectionResponse r, Map<String, FileDescriptorProto> files, Deque<String> wanted, String input) {
    if (r.hasErrorResponse()) {
      throw new HarnessInputException(input, "reflection refused: " + Status.fromCodeValue(r.getErrorResponse().getErrorCode()).getCode()
          + " " + r.getErrorResponse().getErrorMessage());
    }
    for (ByteString bytes : r.getFileDescriptorResponse().getFileDescriptorProtoList()) {
      try {
        FileDescriptorProto f = FileDescriptorProto.parseFrom(bytes);
        if (files.putIfAbsent(f.getName(), f) == null) {
          wanted.addAll(f.getDependencyList());
        }
      } catch (InvalidProtocolBufferException e) {
        throw new HarnessInputException(input, "sent a file descriptor that does not parse: " + e.getMessage());
      }
    }
  }

  private static ServerReflectionResponse next(LinkedBlockingQueue<Object> inbox, long deadline, String input, Duration timeout) {
    Object o;
    try {
      o = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarnessInputException(input, "interrupted while waiting for reflection");
    }
    if (o == null) {
      throw new HarnessInputException(input, "no reflection answer within " + timeout);
    }
    if (o instanceof ServerReflectionResponse r) {
      return r;
    }
    if (o instanceof Throwable t) {
      Status s = Status.fromThrowable(t);
      String why = s.getCode() == Status.Code.UNIMPLEMENTED
          ? "the server has no reflection service (grpc.reflection.v1.ServerReflection); give the contract as a descriptor set instead"
          : "reflection failed: " + s.getCode() + (s.getDescription() == null ? "" : " " + s.getDescription());
      throw new HarnessInputException(input, why);
    }
    throw new HarnessInputException(input, "the reflection stream ended before answering");
  }
}
