package dev.invariantharness.surface.testproto;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The server side of {@code NoteService} written by hand over the generated messages (the build
 * generates no stubs), with the schema descriptor reflection needs.
 */
public final class NoteServiceGrpcShape {

  private NoteServiceGrpcShape() {}

  /**
   * The service answering with {@code create} and {@code get} (which may throw a gRPC status) and
   * streaming {@code list}'s answers; {@code ImportNotes} (client streaming) is left unimplemented.
   */
  public static ServerServiceDefinition service(Function<CreateNoteRequest, Note> create, Function<GetNoteRequest, Note> get,
      BiConsumer<ListNotesRequest, StreamObserver<Note>> list) {
    ServiceDescriptor proto = Notes.getDescriptor().findServiceByName("NoteService");
    MethodDescriptor<CreateNoteRequest, Note> createMethod = MethodDescriptor.<CreateNoteRequest, Note>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("surface.test.v1.NoteService/CreateNote")
        .setRequestMarshaller(ProtoUtils.marshaller(CreateNoteRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Note.getDefaultInstance())).build();
    MethodDescriptor<GetNoteRequest, Note> getMethod = MethodDescriptor.<GetNoteRequest, Note>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName("surface.test.v1.NoteService/GetNote")
        .setRequestMarshaller(ProtoUtils.marshaller(GetNoteRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Note.getDefaultInstance())).build();
    MethodDescriptor<ListNotesRequest, Note> listMethod = MethodDescriptor.<ListNotesRequest, Note>newBuilder()
        .setType(MethodDescriptor.MethodType.SERVER_STREAMING).setFullMethodName("surface.test.v1.NoteService/ListNotes")
        .setRequestMarshaller(ProtoUtils.marshaller(ListNotesRequest.getDefaultInstance()))
        .setResponseMarshaller(ProtoUtils.marshaller(Note.getDefaultInstance())).build();
    io.grpc.ServiceDescriptor descriptor = io.grpc.ServiceDescriptor.newBuilder("surface.test.v1.NoteService")
        .setSchemaDescriptor(new Schema(proto)).addMethod(createMethod).addMethod(getMethod).addMethod(listMethod).build();
    return ServerServiceDefinition.builder(descriptor)
        .addMethod(createMethod, ServerCalls.asyncUnaryCall((req, out) -> unary(() -> create.apply(req), out)))
        .addMethod(getMethod, ServerCalls.asyncUnaryCall((req, out) -> unary(() -> get.apply(req), out)))
        .addMethod(listMethod, ServerCalls.asyncServerStreamingCall(list::accept))
        .build();
  }

  private static <T> void unary(java.util.function.Supplier<T> body, io.grpc.stub.StreamObserver<T> out) {
    try {
      out.onNext(body.get());
      out.onCompleted();
    } catch (RuntimeException e) {
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
}
