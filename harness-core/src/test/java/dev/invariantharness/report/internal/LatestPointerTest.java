package dev.invariantharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatestPointerTest {

  @TempDir
  Path root;

  private final LatestPointer withoutLinks = new LatestPointer((link, target) -> {
    throw new UnsupportedOperationException("no symbolic links here");
  });

  private Path report(String name, String content) throws IOException {
    Files.createDirectories(root.resolve(name).resolve("evidence"));
    Files.writeString(root.resolve(name).resolve("SUMMARY.md"), content);
    return root.resolve(name);
  }

  private String[] names() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void withoutSymbolicLinksLatestIsAWholeCopyOfTheNewestReport() throws IOException {
    withoutLinks.update(root, report("20261122T000000Z", "first"));
    withoutLinks.update(root, report("20261123T000000Z", "second"));

    Path latest = root.resolve("latest");
    assertThat(Files.isSymbolicLink(latest)).isFalse();
    assertThat(latest.resolve("SUMMARY.md")).hasContent("second");
    assertThat(latest.resolve("evidence")).isDirectory();
    assertThat(root.resolve("LATEST")).hasContent("20261123T000000Z");
    assertThat(names())
        .containsExactly("20261122T000000Z", "20261123T000000Z", "LATEST", "latest");
  }

  @Test
  void aCopiedLatestIsReplacedByALinkOnceLinksWork() throws IOException {
    withoutLinks.update(root, report("20261122T000000Z", "first"));

    new LatestPointer().update(root, report("20261123T000000Z", "second"));

    assertThat(Files.readSymbolicLink(root.resolve("latest")))
        .isEqualTo(Path.of("20261123T000000Z"));
    assertThat(root.resolve("latest/SUMMARY.md")).hasContent("second");
    assertThat(names())
        .containsExactly("20261122T000000Z", "20261123T000000Z", "LATEST", "latest");
  }

  @Test
  void aLinkedLatestIsReplacedByACopyWhenLinksStopWorking() throws IOException {
    new LatestPointer().update(root, report("20261122T000000Z", "first"));

    withoutLinks.update(root, report("20261123T000000Z", "second"));

    assertThat(Files.isSymbolicLink(root.resolve("latest"))).isFalse();
    assertThat(root.resolve("latest/SUMMARY.md")).hasContent("second");
    assertThat(root.resolve("20261122T000000Z/SUMMARY.md")).hasContent("first");
  }

  @Test
  void aLinkFailureWithAnIoErrorAlsoFallsBackToACopy() throws IOException {
    LatestPointer denied = new LatestPointer((link, target) -> {
      throw new java.nio.file.FileSystemException(link.toString(), null,
          "A required privilege is not held by the client");
    });

    denied.update(root, report("20261122T000000Z", "first"));

    assertThat(root.resolve("latest/SUMMARY.md")).hasContent("first");
  }
}
