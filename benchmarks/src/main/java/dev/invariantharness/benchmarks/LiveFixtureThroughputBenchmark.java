package dev.invariantharness.benchmarks;

import dev.invariantharness.khala.fake.FakeSyncServer;
import dev.invariantharness.khala.live.ConnectionOptions;
import dev.invariantharness.khala.live.DeliveryLog;
import dev.invariantharness.khala.live.LiveSync;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The live fixture ({@code LiveSync.subscribe}: connect, join, subscribe, decode and record every
 * frame until the reply and the head) against a bare Tyrus client doing the same exchange and only
 * counting the frame messages, both reading the same replay of {@link #frames} frames from a local
 * {@link FakeSyncServer}. Claim: the fixture reaches at least 0.8× the bare client's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LiveFixtureThroughputBenchmark {

  private static final String TOPIC = "run:bench:events";

  @Param("10000")
  public int frames;

  private FakeSyncServer khala;

  @Setup(Level.Trial)
  public void start() {
    khala = FakeSyncServer.builder().name("bench-khala").topic(TOPIC, frames).start();
  }

  @TearDown(Level.Trial)
  public void stop() {
    khala.close();
  }

  @Benchmark
  public int fixture() {
    try (LiveSync live = LiveSync.of(khala.baseUri(), Optional.empty(), ConnectionOptions.channel(Duration.ofSeconds(30)))) {
      DeliveryLog log = live.subscribe(List.of(TOPIC), Map.of());
      if (log.frames().size() != frames) {
        throw new IllegalStateException("fixture saw " + log.frames().size() + " frames");
      }
      return log.frames().size();
    }
  }

  @Benchmark
  public int bareTyrus() throws Exception {
    ClientManager client = ClientManager.createClient();
    AtomicInteger count = new AtomicInteger();
    CountDownLatch replied = new CountDownLatch(1);
    Endpoint endpoint = new Endpoint() {
      @Override
      public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
          if (text.startsWith("[null,null,\"sync:v1\",\"sync:frame\"")) {
            count.incrementAndGet();
          } else if (text.startsWith("[null,\"2\",")) {
            replied.countDown();
          }
        });
      }
    };
    Session session = client.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), khala.channelUri());
    try {
      session.getBasicRemote().sendText("[\"1\",\"1\",\"sync:v1\",\"phx_join\",{}]");
      session.getBasicRemote().sendText("[\"1\",\"2\",\"sync:v1\",\"sync:subscribe\",{\"topics\":[\"" + TOPIC + "\"],\"resume_after\":{}}]");
      if (!replied.await(30, TimeUnit.SECONDS) || count.get() != frames) {
        throw new IllegalStateException("bare client saw " + count.get() + " frames");
      }
      return count.get();
    } finally {
      session.close();
      client.shutdown();
    }
  }
}
