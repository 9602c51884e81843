package dev.invariantharness.deploy.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Whether a Docker engine answers, as Testcontainers itself decides it
 * ({@code DockerClientFactory.instance().isDockerAvailable()}), bounded in time.
 *
 * <p>Testcontainers' discovery takes seconds when there is no engine at all, so it is asked only
 * when something points at one the way its client strategies look for one: {@code DOCKER_HOST},
 * a client strategy chosen by {@code TESTCONTAINERS_DOCKER_CLIENT_STRATEGY}, {@code docker.host},
 * {@code tc.host} or {@code docker.client.strategy} in {@code ~/.testcontainers.properties}, or one of the
 * sockets its strategies try (the standard, rootless and Docker Desktop ones). With none of them
 * none of its Linux and macOS strategies can succeed either.
 */
public final class DockerProbe {

  /** Testcontainers' answer, or why it was not asked or did not come. */
  public record Answer(boolean available, String detail) {}

  private DockerProbe() {}

  /** Testcontainers' answer on this machine, within {@code bound}. */
  public static Answer ask(Duration bound) {
    List<String> hints = hints(System.getenv(), Path.of(System.getProperty("user.home", "/")),
        System.getProperty("os.name", ""));
    if (hints.isEmpty()) {
      return new Answer(false, "nothing points at a Docker engine (no DOCKER_HOST, no Testcontainers host setting, no Docker socket)");
    }
    return askTestcontainers(bound);
  }

  /** {@code DockerClientFactory.instance().isDockerAvailable()}, within {@code bound}. */
  static Answer askTestcontainers(Duration bound) {
    return within(bound, Testcontainers::dockerAvailable);
  }

  /** Runs {@code probe} on a daemon thread; no answer within {@code bound} counts as no engine. */
  static Answer within(Duration bound, BooleanSupplier probe) {
    FutureTask<Boolean> task = new FutureTask<>(probe::getAsBoolean);
    Thread t = new Thread(task, "docker-probe");
    t.setDaemon(true);
    t.start();
    try {
      boolean available = task.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(available, available ? "Testcontainers found a Docker engine"
          : "Testcontainers found no working Docker engine");
    } catch (TimeoutException e) {
      task.cancel(true);
      return new Answer(false, "Testcontainers' Docker discovery did not answer within " + bound.toMillis() + " ms");
    } catch (ExecutionException e) {
      return new Answer(false, "Testcontainers' Docker discovery failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(false, "interrupted while asking Testcontainers for a Docker engine");
    }
  }

  /** What points at a Docker engine in {@code env} and under {@code home}, as Testcontainers' strategies look. */
  static List<String> hints(Map<String, String> env, Path home, String osName) {
    List<String> out = new ArrayList<>();
    if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
      // named pipes: leave the whole decision to Testcontainers
      out.add("Windows");
    }
    for (String variable : List.of("DOCKER_HOST", "TESTCONTAINERS_DOCKER_CLIENT_STRATEGY")) {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        out.add(variable);
      }
    }
    Path props = home.resolve(".testcontainers.properties");
    if (Files.isRegularFile(props)) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(props)) {
        p.load(in);
        for (String key : List.of("docker.host", "tc.host", "docker.client.strategy")) {
          if (!p.getProperty(key, "").isBlank()) {
            out.add(props + " " + key);
          }
        }
      } catch (IOException e) {
        // an unreadable file points at nothing; Testcontainers would not read it either
      }
    }
    List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
        home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock")));
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank()) {
      sockets.add(Path.of(runtime, ".docker/run/docker.sock"));
      sockets.add(Path.of(runtime, "docker.sock"));
    }
    if (Files.isDirectory(Path.of("/run/user"))) {
      try (DirectoryStream<Path> users = Files.newDirectoryStream(Path.of("/run/user"))) {
        users.forEach(u -> sockets.add(u.resolve("docker.sock")));
      } catch (IOException e) {
        // no rootless sockets to see
      }
    }
    for (Path s : sockets) {
      if (Files.exists(s)) {
        out.add(s.toString());
      }
    }
    return out;
  }

  /** Kept apart so that nothing of Testcontainers loads unless it is asked. */
  private static final class Testcontainers {
    static boolean dockerAvailable() {
      return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
    }
  }
}
