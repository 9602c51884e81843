package dev.invariantharness.deploy.postgres.internal;

import dev.invariantharness.deploy.postgres.PostgresServer;

/** Testcontainers' PostgreSQL module, loaded only when a Docker engine answers. */
public final class ContainerPostgres {

  private static final String CONTAINER = "org.testcontainers.postgresql.PostgreSQLContainer";

  private ContainerPostgres() {}

  /** Whether the Testcontainers PostgreSQL module is on the classpath. */
  public static boolean available() {
    try {
      Class.forName(CONTAINER, false, ContainerPostgres.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Starts {@code postgres:17-alpine}, stopped by Testcontainers' reaper when the JVM exits. */
  public static PostgresServer start() {
    if (!available()) {
      throw new IllegalStateException("invariant.harness.postgres.provider=testcontainers, but "
          + "org.testcontainers:testcontainers-postgresql is not on the classpath");
    }
    return Started.start();
  }

  /** Kept in a nested class so that nothing of Testcontainers loads unless it is used. */
  private static final class Started {
    @SuppressWarnings("resource")
    static PostgresServer start() {
      org.testcontainers.postgresql.PostgreSQLContainer c =
          new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
      c.start();
      return new PostgresServer("testcontainers", c.getHost(), c.getMappedPort(5432), c.getUsername(), c.getPassword());
    }
  }
}
