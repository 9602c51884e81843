package dev.invariantharness.surface.grpc.internal;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/** Marshals {@link DynamicMessage}s of one type: the wire half of calling without generated stubs. */
public final class DynamicMarshaller implements MethodDescriptor.Marshaller<DynamicMessage> {

  private final Descriptor type;

  /** A marshaller of {@code type}. */
  public DynamicMarshaller(Descriptor type) {
    this.type = type;
  }

  @Override
  public InputStream stream(DynamicMessage value) {
    return value.toByteString().newInput();
  }

  @Override
  public DynamicMessage parse(InputStream stream) {
    try {
      return DynamicMessage.parseFrom(type, stream);
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("answer is not a valid " + type.getFullName() + ": " + e.getMessage())
          .withCause(e).asRuntimeException();
    }
  }
}
