package dev.invariantharness.deploy.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.deploy.postgres.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which PostgreSQL a JVM gets: a user's JDBC URL over Docker, Docker over the embedded server,
 * and Docker asked only when its answer decides something. No Docker engine is needed: Docker's
 * answer is given to the choice, and the real probe is run against this machine (which has none).
 */
class ServerChoiceTest {

  private static final String URL = PostgresServers.URL;
  private static final String PROVIDER = PostgresServers.PROVIDER;

  @TempDir Path home;

  private static HarnessConfiguration config(Map<String, String> properties) {
    return HarnessConfiguration.of(Map.of(), properties, Map.of());
  }

  private static Supplier<DockerProbe.Answer> dockerMustNotBeAsked() {
    return () -> {
      throw new AssertionError("Docker was asked although its answer decides nothing");
    };
  }

  private static Supplier<DockerProbe.Answer> docker(boolean available) {
    return () -> new DockerProbe.Answer(available, available ? "Testcontainers found a Docker engine" : "no engine here");
  }

  @Test
  void aUsersJdbcUrlWinsOverDockerAndTheEmbeddedServerWithoutAskingDocker() {
    ServerChoice.Choice c = ServerChoice.choose(config(Map.of(URL, "jdbc:postgresql://db:5432/app")), URL, PROVIDER, true,
        dockerMustNotBeAsked());
    assertThat(c.kind()).isEqualTo(ServerChoice.Kind.URL);
    assertThat(ServerChoice.choose(config(Map.of(URL, "jdbc:postgresql://db/app", PROVIDER, "testcontainers")), URL,
        PROVIDER, true, dockerMustNotBeAsked()).kind()).isEqualTo(ServerChoice.Kind.URL);
  }

  @Test
  void aDockerEngineThatAnswersGetsTestcontainers() {
    ServerChoice.Choice c = ServerChoice.choose(config(Map.of()), URL, PROVIDER, true, docker(true));
    assertThat(c).isEqualTo(new ServerChoice.Choice(ServerChoice.Kind.TESTCONTAINERS, "Testcontainers found a Docker engine"));
  }

  @Test
  void withoutDockerTheEmbeddedServerIsChosenAndTheReasonIsKept() {
    ServerChoice.Choice c = ServerChoice.choose(config(Map.of()), URL, PROVIDER, true, docker(false));
    assertThat(c).isEqualTo(new ServerChoice.Choice(ServerChoice.Kind.EMBEDDED, "no engine here"));
  }

  @Test
  void withoutTheTestcontainersModuleDockerIsNotAsked() {
    ServerChoice.Choice c = ServerChoice.choose(config(Map.of()), URL, PROVIDER, false, dockerMustNotBeAsked());
    assertThat(c.kind()).isEqualTo(ServerChoice.Kind.EMBEDDED);
    assertThat(c.reason()).contains("testcontainers-postgresql is not on the classpath");
  }

  @Test
  void anExplicitProviderIsObeyedWithoutAskingDocker() {
    assertThat(ServerChoice.choose(config(Map.of(PROVIDER, "Embedded")), URL, PROVIDER, true, dockerMustNotBeAsked()).kind())
        .isEqualTo(ServerChoice.Kind.EMBEDDED);
    assertThat(ServerChoice.choose(config(Map.of(PROVIDER, "testcontainers")), URL, PROVIDER, true, dockerMustNotBeAsked())
        .kind()).isEqualTo(ServerChoice.Kind.TESTCONTAINERS);
  }

  @Test
  void anExplicitTestcontainersProviderWithoutTheModuleOrAnUnknownProviderIsABadInputNamingTheKey() {
    assertThatThrownBy(() -> ServerChoice.choose(config(Map.of(PROVIDER, "testcontainers")), URL, PROVIDER, false,
        dockerMustNotBeAsked())).isInstanceOf(HarnessInputException.class).hasMessageContaining(PROVIDER)
        .hasMessageContaining("not on the classpath");
    assertThatThrownBy(() -> ServerChoice.choose(config(Map.of(PROVIDER, "podman")), URL, PROVIDER, true,
        dockerMustNotBeAsked())).isInstanceOf(HarnessInputException.class).hasMessageContaining(PROVIDER)
        .hasMessageContaining("'podman' is not a provider");
  }

  @Test
  void aDockerDiscoveryThatHangsCountsAsNoEngineOnceItsBoundHasPassed() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    long start = System.nanoTime();
    DockerProbe.Answer a = DockerProbe.within(Duration.ofMillis(300), () -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return true;
    });
    assertThat(a.available()).isFalse();
    assertThat(a.detail()).contains("did not answer within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aDockerDiscoveryThatFailsCountsAsNoEngine() {
    DockerProbe.Answer a = DockerProbe.within(Duration.ofSeconds(5), () -> {
      throw new IllegalStateException("Could not find a valid Docker environment");
    });
    assertThat(a.available()).isFalse();
    assertThat(a.detail()).contains("Could not find a valid Docker environment");
  }

  @Test
  void testcontainersOwnDiscoveryAnswersNoOnThisMachineWithinItsBound() {
    assumeTrue(DockerProbe.hints(System.getenv(), Path.of(System.getProperty("user.home")),
        System.getProperty("os.name")).isEmpty(), "this machine points at a Docker engine");
    long start = System.nanoTime();
    DockerProbe.Answer a = DockerProbe.askTestcontainers(Duration.ofSeconds(30));
    assertThat(a.available()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(31));
    assertThat(DockerProbe.ask(Duration.ofSeconds(30)).detail()).startsWith("nothing points at a Docker engine");
  }

  @Test
  void dockerHostATestcontainersHostSettingOrADockerSocketPointAtAnEngine() throws Exception {
    assertThat(DockerProbe.hints(Map.of("DOCKER_HOST", "tcp://10.0.0.7:2376"), home, "Linux")).contains("DOCKER_HOST");
    Files.writeString(home.resolve(".testcontainers.properties"), "tc.host=tcp://cloud:2375\n");
    assertThat(DockerProbe.hints(Map.of(), home, "Linux")).anyMatch(h -> h.endsWith(" tc.host"));
    Files.delete(home.resolve(".testcontainers.properties"));
    Files.createDirectories(home.resolve(".docker/desktop"));
    Files.createFile(home.resolve(".docker/desktop/docker.sock"));
    assertThat(DockerProbe.hints(Map.of(), home, "Linux")).contains(home.resolve(".docker/desktop/docker.sock").toString());
    Path runtime = Files.createDirectories(home.resolve("xdg"));
    Files.createFile(runtime.resolve("docker.sock"));
    assertThat(DockerProbe.hints(Map.of("XDG_RUNTIME_DIR", runtime.toString()), home, "Linux"))
        .contains(runtime.resolve("docker.sock").toString());
  }

  @Test
  void anEmptyHomeAndEnvironmentPointAtNothingUnlessThisMachineHasADockerSocket() {
    assumeTrue(!Files.exists(Path.of("/var/run/docker.sock")), "this machine has /var/run/docker.sock");
    assumeTrue(DockerProbe.hints(Map.of(), home, "Linux").stream().noneMatch(h -> h.startsWith("/run/user")));
    assertThat(DockerProbe.hints(Map.of("DOCKER_HOST", " "), home, "Linux")).isEmpty();
    assertThat(DockerProbe.hints(Map.of(), home, "Windows 11")).containsExactly("Windows");
  }
}
