package dev.invariantharness.surface;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.surface.testproto.CreateNoteRequest;
import dev.invariantharness.surface.testproto.GetNoteRequest;
import dev.invariantharness.surface.testproto.ListNotesRequest;
import io.grpc.stub.StreamObserver;
import dev.invariantharness.surface.testproto.Note;
import dev.invariantharness.surface.testproto.NoteServiceGrpcShape;
import dev.invariantharness.surface.testproto.Notes;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The module's test service: notes over HTTP JSON (JDK server), gRPC (in-process, with
 * reflection) and WebSocket frames (harness-khala's fake sync server). {@code httpRewrite}
 * changes every HTTP answer body, so a test can make the HTTP surface drift.
 */
final class NotesStack implements AutoCloseable {

  static final String TOPIC = "notes.updates";

  private final Map<String, Note> notes = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final HttpServer http;
  private final Server grpc;
  private final String grpcName;
  private final FakeSyncServer khala;
  volatile UnaryOperator<String> httpRewrite = UnaryOperator.identity();
  volatile int missingStatus = 404;
  volatile boolean publishFrames = true;
  volatile boolean htmlAnswers;
  volatile boolean grpcSilent;
  /** Whether the HTTP stream of ListNotes leaves out its second note (a broken surface). */
  volatile boolean httpStreamDropsSecond;
  /** Whether the HTTP stream of ListNotes is one JSON array instead of grpc-gateway's lines (legal). */
  volatile boolean httpStreamAsArray;
  /** Whether the gRPC stream of ListNotes stalls after its first note (a stream that never ends). */
  volatile boolean grpcStreamStalls;

  NotesStack() throws IOException {
    khala = FakeSyncServer.builder().name("notes-khala").topic(TOPIC, List.of()).start();
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/v1/notes", this::serveHttp);
    http.start();
    grpcName = "notes-" + System.nanoTime();
    grpc = InProcessServerBuilder.forName(grpcName)
        .addService(NoteServiceGrpcShape.service(this::create, this::get, this::list))
        .addService(ProtoReflectionServiceV1.newInstance())
        .build().start();
  }

  Note create(CreateNoteRequest r) {
    Note n = Note.newBuilder().setNoteId("n-" + ids.incrementAndGet()).setTitle(r.getTitle()).setKind(r.getKind())
        .addAllTags(r.getTagsList()).setRevision(1).setUpdatedAt(java.time.Instant.now().toString()).build();
    notes.put(n.getNoteId(), n);
    if (publishFrames) {
      khala.append(TOPIC, print(n));
    }
    return n;
  }

  Note get(GetNoteRequest r) {
    if (grpcSilent) {
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Note n = notes.get(r.getNoteId());
    if (n == null) {
      throw Status.NOT_FOUND.withDescription("no note " + r.getNoteId()).asRuntimeException();
    }
    return n;
  }

  /** Every note with the tag (all when none), in creation order. */
  List<Note> listed(ListNotesRequest r) {
    return notes.values().stream().filter(n -> r.getTag().isEmpty() || n.getTagsList().contains(r.getTag()))
        .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.getNoteId().substring(2)))).toList();
  }

  void list(ListNotesRequest r, StreamObserver<Note> out) {
    if (r.getTag().equals("forbidden")) {
      out.onError(Status.NOT_FOUND.withDescription("no tag forbidden").asRuntimeException());
      return;
    }
    List<Note> found = listed(r);
    for (Note n : found) {
      out.onNext(n);
      if (grpcStreamStalls) {
        return;
      }
    }
    out.onCompleted();
  }

  private void serveHttp(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (htmlAnswers) {
        byte[] page = "<html><body>maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/html");
        ex.sendResponseHeaders(200, page.length);
        ex.getResponseBody().write(page);
        return;
      }
      if (ex.getRequestMethod().equals("POST") && path.equals("/v1/notes")) {
        CreateNoteRequest.Builder b = CreateNoteRequest.newBuilder();
        JsonFormat.parser().merge(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), b);
        send(ex, 200, httpRewrite.apply(print(create(b.build()))));
      } else if (ex.getRequestMethod().equals("GET") && path.equals("/v1/notes")) {
        String query = ex.getRequestURI().getQuery();
        String tag = query != null && query.startsWith("tag=") ? query.substring(4) : "";
        List<Note> found = new java.util.ArrayList<>(listed(ListNotesRequest.newBuilder().setTag(tag).build()));
        if (httpStreamDropsSecond && found.size() > 1) {
          found.remove(1);
        }
        StringBuilder body = new StringBuilder();
        if (tag.equals("forbidden")) {
          body.append("{\"error\":{\"code\":5,\"message\":\"no tag forbidden\"}}\n");
        } else if (httpStreamAsArray) {
          body.append('[').append(String.join(",", found.stream().map(n -> httpRewrite.apply(print(n))).toList())).append(']');
        } else {
          // grpc-gateway's form of a server stream: one {"result": message} per line
          found.forEach(n -> body.append("{\"result\":").append(httpRewrite.apply(print(n))).append("}\n"));
        }
        send(ex, 200, body.toString());
      } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/v1/notes/")) {
        Note n = notes.get(path.substring("/v1/notes/".length()));
        if (n == null) {
          send(ex, missingStatus, "{\"message\":\"no such note\"}");
        } else {
          send(ex, 200, httpRewrite.apply(print(n)));
        }
      } else {
        send(ex, 404, "{\"message\":\"no route\"}");
      }
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String print(Message m) {
    try {
      return JsonFormat.printer().omittingInsignificantWhitespace().print(m);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  URI httpBase() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  URI channelUri() {
    return khala.channelUri();
  }

  ManagedChannel channel() {
    return InProcessChannelBuilder.forName(grpcName).directExecutor().build();
  }

  static ProtoContract contract() {
    return ProtoContract.of(Notes.getDescriptor());
  }

  static Duration timeout() {
    return Duration.ofSeconds(3);
  }

  @Override
  public void close() {
    http.stop(0);
    grpc.shutdownNow();
    khala.close();
  }
}
