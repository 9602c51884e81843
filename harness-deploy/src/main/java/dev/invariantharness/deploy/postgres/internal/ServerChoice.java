package dev.invariantharness.deploy.postgres.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.config.HarnessConfiguration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Which PostgreSQL the JVM gets: a user's JDBC URL over everything, then an explicit provider,
 * then Testcontainers when a Docker engine answers, else the embedded server. Docker is asked
 * only when the answer matters (no URL, provider {@code auto}, Testcontainers on the classpath).
 */
public final class ServerChoice {

  /** A server kind. */
  public enum Kind { URL, TESTCONTAINERS, EMBEDDED }

  /**
   * The choice and why.
   *
   * @param kind the server kind
   * @param reason why it was chosen, for the log line
   */
  public record Choice(Kind kind, String reason) {}

  private ServerChoice() {}

  /**
   * Chooses from {@code config}'s {@code url} and {@code provider} keys, whether the Testcontainers
   * PostgreSQL module is on the classpath, and (asked at most once) Docker's answer.
   */
  public static Choice choose(HarnessConfiguration config, String urlKey, String providerKey,
      boolean testcontainersOnClasspath, Supplier<DockerProbe.Answer> docker) {
    if (config.get(urlKey).isPresent()) {
      return new Choice(Kind.URL, urlKey + " is set");
    }
    String provider = config.get(providerKey).orElse("auto").trim().toLowerCase(Locale.ROOT);
    switch (provider) {
      case "embedded":
        return new Choice(Kind.EMBEDDED, providerKey + "=embedded");
      case "testcontainers":
        if (!testcontainersOnClasspath) {
          throw new HarnessInputException(providerKey, "is testcontainers, but org.testcontainers:testcontainers-postgresql "
              + "is not on the classpath");
        }
        return new Choice(Kind.TESTCONTAINERS, providerKey + "=testcontainers");
      case "auto":
        if (!testcontainersOnClasspath) {
          return new Choice(Kind.EMBEDDED, "org.testcontainers:testcontainers-postgresql is not on the classpath");
        }
        DockerProbe.Answer answer = docker.get();
        return new Choice(answer.available() ? Kind.TESTCONTAINERS : Kind.EMBEDDED, answer.detail());
      default:
        throw new HarnessInputException(providerKey, "'" + provider + "' is not a provider; use embedded, testcontainers or auto");
    }
  }
}
