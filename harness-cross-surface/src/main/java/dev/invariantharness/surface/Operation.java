package dev.invariantharness.surface;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A scenario operation resolved against the proto contract: the method it names, hence the
 * request and answer message types every surface is held to.
 *
 * @param name the operation as the scenario wrote it
 * @param method the proto method
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Operation(String name, MethodDescriptor method) {

  public Operation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
  }

  /** The request type. */
  public Descriptor inputType() {
    return method.getInputType();
  }

  /** The answer type. */
  public Descriptor outputType() {
    return method.getOutputType();
  }

  /**
   * Whether the method streams its answers ({@code returns (stream T)}): a step's answer is then
   * the whole stream, compared as a list, and the step's deadline bounds the whole stream.
   */
  public boolean serverStreaming() {
    return method.isServerStreaming();
  }

  /** Whether the method takes a stream of requests (client or bidirectional streaming), which the harness does not call. */
  public boolean clientStreaming() {
    return method.isClientStreaming();
  }

  /** The gRPC method name, {@code pkg.Service/Method}. */
  public String fullMethodName() {
    return method.getService().getFullName() + "/" + method.getName();
  }

  @Override
  public String toString() {
    return fullMethodName();
  }
}
