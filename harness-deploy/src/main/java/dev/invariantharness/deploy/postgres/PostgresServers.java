package dev.invariantharness.deploy.postgres;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.deploy.postgres.internal.ContainerPostgres;
import dev.invariantharness.deploy.postgres.internal.DockerProbe;
import dev.invariantharness.deploy.postgres.internal.EmbeddedPostgresServer;
import dev.invariantharness.deploy.postgres.internal.ServerChoice;
import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of this JVM, started once and shared by every check.
 *
 * <p>Which one, in this order:
 * <ol>
 *   <li>{@code invariant.harness.postgres.url} (env {@code INVARIANT_HARNESS_POSTGRES_URL}), a
 *       {@code jdbc:postgresql://host:port/db} URL of the user's own server, with
 *       {@code invariant.harness.postgres.user} and {@code invariant.harness.postgres.password};
 *   <li>{@code invariant.harness.postgres.provider=testcontainers|embedded} when set;
 *   <li>otherwise Testcontainers when the Testcontainers PostgreSQL module is on the classpath
 *       and Testcontainers finds a Docker engine ({@code DockerClientFactory}, asked only when
 *       {@code DOCKER_HOST}, a Testcontainers host setting or a Docker socket points at one, and
 *       bounded by {@code invariant.harness.timeout.docker}), else zonky's embedded PostgreSQL
 *       (real binaries from Maven Central; starts as root, no Docker). The choice and its reason
 *       are logged in one INFO line.
 * </ol>
 *
 * <pre>{@code
 * PostgresServer server = PostgresServers.shared();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PostgresServers {

  /** A user's server: {@code jdbc:postgresql://host:port/database}. */
  public static final String URL = HarnessConfiguration.PREFIX + "postgres.url";
  /** Login for {@link #URL}. */
  public static final String USER = HarnessConfiguration.PREFIX + "postgres.user";
  /** Password for {@link #URL} (redacted wherever it could appear). */
  public static final String PASSWORD = HarnessConfiguration.PREFIX + "postgres.password";
  /** {@code embedded}, {@code testcontainers} or {@code auto} (the default). */
  public static final String PROVIDER = HarnessConfiguration.PREFIX + "postgres.provider";

  private static final Logger LOG = LoggerFactory.getLogger(PostgresServers.class);

  private static PostgresServer shared;

  private PostgresServers() {}

  /** The shared server, configured from system properties and environment variables. */
  public static PostgresServer shared() {
    return shared(HarnessConfiguration.of(k -> Optional.empty()));
  }

  /** The shared server; the first call decides which one and starts it. */
  public static synchronized PostgresServer shared(HarnessConfiguration config) {
    if (shared == null) {
      shared = start(config);
    }
    return shared;
  }

  private static PostgresServer start(HarnessConfiguration config) {
    ServerChoice.Choice choice = ServerChoice.choose(config, URL, PROVIDER, ContainerPostgres.available(),
        () -> DockerProbe.ask(config.timeout("docker")));
    switch (choice.kind()) {
      case URL:
        return fromUrl(config.get(URL).orElseThrow(), config.get(USER).orElse("postgres"),
            config.secret(PASSWORD).orElse(null));
      case TESTCONTAINERS:
        LOG.info("PostgreSQL for the deploy checks: Testcontainers ({})", choice.reason());
        return ContainerPostgres.start();
      default:
        LOG.info("PostgreSQL for the deploy checks: embedded PostgreSQL ({})", choice.reason());
        return EmbeddedPostgresServer.start();
    }
  }

  /** A server given by a user's JDBC URL; the database part of the URL is ignored. */
  public static PostgresServer fromUrl(String jdbcUrl, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
      throw new HarnessInputException(URL, "'" + jdbcUrl + "' is not a jdbc:postgresql://host:port/database URL");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    if (uri.getHost() == null) {
      throw new HarnessInputException(URL, "'" + jdbcUrl + "' names no host");
    }
    return new PostgresServer("url", uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
  }
}
