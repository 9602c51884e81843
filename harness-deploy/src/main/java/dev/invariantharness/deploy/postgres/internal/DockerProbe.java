package dev.invariantharness.deploy.postgres.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine answers, asked cheaply and boundedly before Testcontainers is loaded
 * (its own discovery logs and waits much longer when there is none).
 */
public final class DockerProbe {

  private DockerProbe() {}

  /** True when {@code DOCKER_HOST} is set, or the default socket answers {@code /_ping} with OK. */
  public static boolean dockerAnswers() {
    String host = System.getenv("DOCKER_HOST");
    if (host != null && !host.isBlank()) {
      return true;
    }
    Path socket = Path.of("/var/run/docker.sock");
    if (!Files.exists(socket)) {
      return false;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(512);
      ch.socket().setSoTimeout(2000);
      int n = ch.read(buf);
      return n > 0 && new String(buf.array(), 0, n, StandardCharsets.US_ASCII).contains(" 200 ");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
