package dev.invariantharness.benchmarks;

import static dev.invariantharness.runtime.parity.ParityAssertions.assertThat;

import dev.invariantharness.examples.runtime.parity.ParityServices;
import dev.invariantharness.examples.runtime.parity.RunService;
import dev.invariantharness.runtime.parity.RecordedExchange;
import dev.invariantharness.runtime.parity.Recordings;
import dev.invariantharness.runtime.parity.TrafficParity;
import dev.invariantharness.runtime.parity.TrafficParityResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * <b>Claim.</b> Traffic parity over 10,000 recorded exchanges, replayed to three local services
 * (legacy, a second legacy instance for noise learning, the candidate: 30,000 real HTTP
 * requests), takes less than 30 s on two cores.
 *
 * <p>The services are the examples' {@link ParityServices} ({@link RunService} with legacy
 * behaviour on all three, each on 127.0.0.1 and an ephemeral port), started once per trial.
 * The recording is written in setup as JSONL and read with {@link Recordings#load}: four
 * exchanges in five are {@code GET /api/runs/<n>?view=full}, every fifth is
 * {@code POST /api/runs} with a JSON body, as the staged WireMock traffic of the example suite.
 * Every answer carries three volatile fields ({@code request_id}, {@code generated_at},
 * {@code served_by}) that the two legacy instances disagree on, so noise learning has work on
 * every exchange.
 *
 * <p>One op of {@link #trafficParity} is {@code TrafficParity.run} over the 10,000 exchanges at
 * concurrency {@value #CONCURRENCY} (the builder's default): replay, JSON diff of legacy against
 * legacy-2 and against the candidate, noise learned per route, 30,000 noise diffs suppressed, the
 * report built and required to allow the cutover. {@link #bareHttpClient} is the baseline: the same
 * 30,000 requests (method, URL, headers, body) sent by a bare {@code java.net.http.HttpClient}
 * (HTTP/1.1) the way the replayer sends them, blocking {@code send} on a pool of
 * {@code 3 × concurrency} threads, {@value #CONCURRENCY} exchanges (three requests each) in
 * flight, bodies read as strings, only the status checked.
 *
 * <p>The JDK server needs {@code sun.net.httpserver.nodelay=true}, or every answer waits out the
 * client's delayed ACK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class TrafficParityBenchmark {

  static final int EXCHANGES = 10_000;
  static final int CONCURRENCY = 16;
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Path dir;
  private ParityServices services;
  private List<RecordedExchange> exchanges;
  private List<URI> sides;
  private HttpClient bare;
  private ExecutorService pool;

  @Setup(Level.Trial)
  public void start() throws IOException {
    dir = Files.createTempDirectory("ih-parity-bench");
    StringBuilder jsonl = new StringBuilder();
    for (int i = 1; i <= EXCHANGES; i++) {
      if (i % 5 == 0) {
        jsonl.append("{\"method\":\"POST\",\"path\":\"/api/runs\",\"headers\":{\"Accept\":\"application/json\","
            + "\"Content-Type\":\"application/json\"},\"body\":{\"name\":\"nightly-").append(i).append("\"}}\n");
      } else {
        jsonl.append("{\"method\":\"GET\",\"path\":\"/api/runs/").append(i)
            .append("?view=full\",\"headers\":{\"Accept\":\"application/json\"}}\n");
      }
    }
    exchanges = Recordings.load(Files.writeString(dir.resolve("traffic.jsonl"), jsonl));
    if (exchanges.size() != EXCHANGES) {
      throw new IllegalStateException("loaded " + exchanges.size() + " exchanges, wrote " + EXCHANGES);
    }
    services = ParityServices.start(RunService.Behaviour.LEGACY);
    sides = List.of(services.legacy(), services.legacy2(), services.candidate());
    bare = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    pool = Executors.newFixedThreadPool(CONCURRENCY * 3, r -> {
      Thread t = new Thread(r, "bare-client");
      t.setDaemon(true);
      return t;
    });
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    pool.shutdownNow();
    services.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Traffic parity over 10,000 exchanges against three services, noise learning on. */
  @Benchmark
  public TrafficParityResult trafficParity() {
    TrafficParityResult result = TrafficParity.builder()
        .legacy(services.legacy()).secondLegacy(services.legacy2()).candidate(services.candidate())
        .timeout(TIMEOUT).concurrency(CONCURRENCY)
        .build().run(exchanges);
    if (result.failedExchanges() != 0 || result.suppressedAsNoise() != 3 * EXCHANGES) {
      throw new IllegalStateException(result.failedExchanges() + " failed exchanges, " + result.suppressedAsNoise()
          + " diffs suppressed as noise (expected 0 and " + 3 * EXCHANGES + ")");
    }
    assertThat(result.report()).allows();
    return result;
  }

  /** The same 30,000 requests by a bare {@code HttpClient}, 16 exchanges of three requests in flight. */
  @Benchmark
  public int bareHttpClient() throws InterruptedException {
    Semaphore permits = new Semaphore(CONCURRENCY);
    AtomicInteger answered = new AtomicInteger();
    List<CompletableFuture<Void>> pending = new ArrayList<>(exchanges.size());
    for (RecordedExchange exchange : exchanges) {
      if (!permits.tryAcquire(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no exchange finished within " + TIMEOUT.multipliedBy(2));
      }
      List<CompletableFuture<Integer>> answers = new ArrayList<>(3);
      for (URI side : sides) {
        HttpRequest request = request(side, exchange);
        answers.add(CompletableFuture.supplyAsync(() -> send(request), pool));
      }
      pending.add(CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
          .whenComplete((v, e) -> {
            for (CompletableFuture<Integer> a : answers) {
              if (a.join() / 100 == 2) {
                answered.incrementAndGet();
              }
            }
            permits.release();
          }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    if (answered.get() != 3 * EXCHANGES) {
      throw new IllegalStateException(answered.get() + " of " + 3 * EXCHANGES + " requests answered 2xx");
    }
    return answered.get();
  }

  private int send(HttpRequest request) {
    try {
      HttpResponse<String> r = bare.send(request, HttpResponse.BodyHandlers.ofString());
      return r.statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static HttpRequest request(URI side, RecordedExchange exchange) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(side + exchange.path()))
        .timeout(TIMEOUT)
        .method(exchange.method(), exchange.body().isEmpty()
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(exchange.body()));
    exchange.headers().forEach(b::header);
    return b.build();
  }
}
