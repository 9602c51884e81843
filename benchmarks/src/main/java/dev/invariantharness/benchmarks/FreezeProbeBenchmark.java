package dev.invariantharness.benchmarks;

import static dev.invariantharness.runtime.freeze.FreezeAssertions.assertThat;

import dev.invariantharness.examples.runtime.freeze.ReferenceRuntimeService;
import dev.invariantharness.examples.runtime.freeze.RuntimeCutoverStack;
import dev.invariantharness.examples.runtime.freeze.RuntimeVariant;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.freeze.AuthorityService;
import dev.invariantharness.runtime.freeze.WriteRoute;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
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
 * <b>Claim.</b> Write-mode freeze probing of 200 write routes in each of the three write modes
 * ({@code read_only}, {@code shadow_only}, {@code rust_active}) on the local reference stack
 * takes less than 10 s.
 *
 * <p>One op of {@link #harnessFreezeAssertions} is what {@code FreezeProbeTimingTest} times: for
 * each mode, switch the reference stack over its admin hooks ({@link RuntimeCutoverStack#switchTo},
 * two admin POSTs), then {@code assertThat(runtime).inWriteMode(mode).rejectsAuthorityWrites()}
 * (or {@code acceptsAuthorityWrites()} for {@code rust_active}): state read before, 200 writes at
 * the default concurrency of {@value AuthorityService#DEFAULT_CONCURRENCY}, state read after,
 * every answer judged, evidence rows built. {@link #bareHttpClient} is the baseline: the same
 * mode switches and the same 600 writes (method, path, headers, body) sent by a bare
 * {@code java.net.http.HttpClient} with {@code sendAsync}, at most
 * {@value AuthorityService#DEFAULT_CONCURRENCY} in flight, only the 2xx count checked. The
 * harness additionally sends 12 state reads (2 read paths before and after each round), so the
 * ratio of the two is the whole price of the checks.
 *
 * <p>The services are started once per trial on 127.0.0.1 ephemeral ports; the JDK server needs
 * {@code sun.net.httpserver.nodelay=true}, or every answer waits out the client's delayed ACK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 10)
@Measurement(iterations = 10)
public class FreezeProbeBenchmark {

  static final int ROUTES = 200;
  static final List<WriteMode> MODES = List.of(WriteMode.READ_ONLY, WriteMode.SHADOW_ONLY, WriteMode.RUST_ACTIVE);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private RuntimeCutoverStack stack;
  private AuthorityService runtime;
  private HttpClient bare;
  private List<HttpRequest> writes;

  @Setup(Level.Trial)
  public void start() throws Exception {
    stack = RuntimeCutoverStack.start(RuntimeVariant.CORRECT, TIMEOUT);
    List<WriteRoute> routes = IntStream.rangeClosed(1, ROUTES)
        .mapToObj(n -> WriteRoute.parse("POST /internal/v1/runs/run-" + n + "/events").withBody("{\"type\":\"probe\",\"seq\":1}"))
        .toList();
    runtime = stack.runtime().withWriteRoutes(routes);
    bare = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    String base = runtime.baseUrl().toString().replaceAll("/$", "");
    writes = new ArrayList<>();
    for (WriteRoute route : routes) {
      writes.add(HttpRequest.newBuilder(URI.create(base + route.path()))
          .timeout(TIMEOUT)
          .header("Accept", "application/json")
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + ReferenceRuntimeService.SERVICE_TOKEN)
          .method(route.method(), HttpRequest.BodyPublishers.ofString(route.body()))
          .build());
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    stack.close();
  }

  /** 200 routes × 3 modes through the harness's freeze assertions, mode switches included. */
  @Benchmark
  public AuthorityService harnessFreezeAssertions() throws Exception {
    for (WriteMode mode : MODES) {
      stack.switchTo(mode, mode.acceptsWrites());
      if (mode.acceptsWrites()) {
        assertThat(runtime).inWriteMode(mode).acceptsAuthorityWrites();
      } else {
        assertThat(runtime).inWriteMode(mode).rejectsAuthorityWrites();
      }
    }
    return runtime;
  }

  /** The same switches and 600 writes by a bare {@code HttpClient} at the same concurrency. */
  @Benchmark
  public int bareHttpClient() throws Exception {
    int accepted = 0;
    for (WriteMode mode : MODES) {
      stack.switchTo(mode, mode.acceptsWrites());
      int ok = sendAll();
      int expected = mode.acceptsWrites() ? ROUTES : 0;
      if (ok != expected) {
        throw new IllegalStateException(mode.wireName() + ": " + ok + " writes accepted, expected " + expected);
      }
      accepted += ok;
    }
    return accepted;
  }

  private int sendAll() throws InterruptedException {
    Semaphore permits = new Semaphore(AuthorityService.DEFAULT_CONCURRENCY);
    List<CompletableFuture<Integer>> pending = new ArrayList<>(writes.size());
    for (HttpRequest request : writes) {
      if (!permits.tryAcquire(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no request slot freed within " + TIMEOUT.multipliedBy(2));
      }
      pending.add(bare.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          .handle((r, e) -> e == null ? r.statusCode() : 0)
          .whenComplete((s, e) -> permits.release()));
    }
    int ok = 0;
    for (CompletableFuture<Integer> f : pending) {
      int status = f.join();
      if (status == 0) {
        throw new IllegalStateException("a write got no answer");
      }
      ok += status / 100 == 2 ? 1 : 0;
    }
    return ok;
  }
}
