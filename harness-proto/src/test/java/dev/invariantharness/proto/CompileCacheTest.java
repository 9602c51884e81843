package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiled files are reused across checks in one JVM (by content, their imports' content
 * included), and never stale: a changed import changes the files that import it, and a clash
 * between a changed file and an unchanged one is the compile error protoc gives.
 */
class CompileCacheTest {

  @TempDir Path dir;

  private static final String HEADER = "syntax = \"proto3\";\n\npackage acme.shop.v1;\n\n";

  private Path module(String name, Map<String, String> files) throws IOException {
    Path root = dir.resolve(name);
    for (var e : files.entrySet()) {
      Path file = root.resolve("acme/shop/v1").resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, HEADER + e.getValue());
      // a fresh mtime per version, so the directory-level image cache cannot answer for it
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(dir.toString().length() + name.length())));
    }
    Files.writeString(root.resolve("buf.yaml"), "version: v2\nbreaking:\n  use:\n    - FILE\n");
    return root;
  }

  @Test
  void anUnchangedFileWhoseImportChangedIsCompiledAgain() throws IOException {
    String order = "import \"acme/shop/v1/kind.proto\";\n\nmessage Order {\n  Kind kind = 1;\n}\n";
    Path v1 = module("v1", Map.of("order.proto", order, "kind.proto", "enum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n"));
    ProtoImage before = ProtoInput.directory(v1).load();
    // order.proto is byte for byte the same; only the type it names changed kind
    Path v2 = module("v2", Map.of("order.proto", order, "kind.proto", "message Kind {\n  string name = 1;\n}\n"));

    assertThat(ProtoChecks.breaking(ProtoInput.directory(v2).load(), before))
        .extracting(CheckFinding::type, CheckFinding::path)
        .contains(org.assertj.core.groups.Tuple.tuple("FIELD_SAME_TYPE", "acme/shop/v1/order.proto"));
  }

  @Test
  void theSameFilesInAnotherDirectoryGiveTheSameImage() throws IOException {
    Map<String, String> files = Map.of("order.proto", "message Order {\n  string id = 1;\n}\n",
        "line.proto", "import \"acme/shop/v1/order.proto\";\n\nmessage Line {\n  Order order = 1;\n}\n");
    ProtoImage first = ProtoInput.directory(module("a", files)).load();
    ProtoImage second = ProtoInput.directory(module("b", files)).load();

    assertThat(second.descriptorSet()).isEqualTo(first.descriptorSet());
    assertThat(ProtoChecks.breaking(second, first)).isEmpty();
  }

  @Test
  void manyFilesAreCompiledInParallelRunsAndAClashBetweenRunsIsStillFound() throws IOException {
    Map<String, String> files = new java.util.HashMap<>();
    for (int i = 0; i < 150; i++) {
      files.put("f" + i + ".proto", "message M" + i + " {\n  string id = 1;\n}\n");
    }
    ProtoImage image = ProtoInput.directory(module("many", files)).load();
    assertThat(image.files()).hasSize(150);
    assertThat(ProtoChecks.breaking(image, image)).isEmpty();

    // new content everywhere (nothing cached); the first and the last file go to different
    // protoc runs and both declare M0
    files.replaceAll((name, text) -> text + "// second version\n");
    files.put("f149.proto", "message M0 {\n  string id = 1;\n}\n");
    assertThatThrownBy(() -> ProtoInput.directory(module("clash", files)).load())
        .isInstanceOf(ProtoCompileException.class)
        .hasMessageContaining("\"acme.shop.v1.M0\" is already defined");
  }

  @Test
  void aNameDeclaredAgainInAChangedFileIsTheCompileErrorProtocGives() throws IOException {
    Path v1 = module("v1", Map.of("order.proto", "message Order {\n  string id = 1;\n}\n",
        "line.proto", "message Line {\n  string sku = 1;\n}\n"));
    ProtoInput.directory(v1).load();
    // order.proto is unchanged (cached); line.proto now declares Order too, and neither imports the other
    Path v2 = module("v2", Map.of("order.proto", "message Order {\n  string id = 1;\n}\n",
        "line.proto", "message Line {\n  string sku = 1;\n}\n\nmessage Order {\n  string id = 1;\n}\n"));

    assertThatThrownBy(() -> ProtoInput.directory(v2).load())
        .isInstanceOf(ProtoCompileException.class)
        .satisfies(e -> assertThat(((ProtoCompileException) e).findings())
            .extracting(CheckFinding::type).containsOnly("COMPILE").isNotEmpty())
        .hasMessageContaining("\"acme.shop.v1.Order\" is already defined");
  }
}
