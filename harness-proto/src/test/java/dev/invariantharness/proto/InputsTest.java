package dev.invariantharness.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.proto.cli.ProtoCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs other than a directory, and bad input: one clear message naming the input, never a silent pass. */
class InputsTest {

  @TempDir Path dir;

  private static final String V1 = """
      syntax = "proto3";

      package acme.shop.v1;

      message Order {
        string id = 1;
        int64 amount = 2;
      }
      """;
  private static final String V2 = V1.replace("  int64 amount = 2;\n", "");

  private Path module(String name, String proto) throws IOException {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("acme/shop/v1"));
    Files.writeString(root.resolve("acme/shop/v1/order.proto"), proto);
    return root;
  }

  private static String[] cli(StringWriter out, StringWriter err, int[] exit, String... args) {
    exit[0] = ProtoCli.run(args, new PrintWriter(out), new PrintWriter(err));
    return args;
  }

  @Test
  void aDescriptorSetIsABaselineLikeTheSourcesItWasBuiltFrom() throws IOException {
    Path set = dir.resolve("baseline.binpb");
    Files.write(set, ProtoInput.directory(module("v1", V1)).load().descriptorSet().toByteArray());
    ProtoImage current = ProtoInput.directory(module("v2", V2)).load();

    List<CheckFinding> fromSet = ProtoChecks.breaking(current, ProtoInput.descriptorSet(set).load());
    List<CheckFinding> fromDir = ProtoChecks.breaking(current, ProtoInput.directory(dir.resolve("v1")).load());

    assertThat(fromSet).isEqualTo(fromDir).extracting(CheckFinding::type).containsExactly("FIELD_NO_DELETE");
  }

  @Test
  void generatedClassesOnTheClasspathAreAnInput() {
    ProtoImage descriptor = ProtoInput.descriptors(com.google.protobuf.DescriptorProtos.getDescriptor()).load();
    assertThat(descriptor.files()).containsExactly("google/protobuf/descriptor.proto");
    assertThat(ProtoChecks.breaking(descriptor, descriptor)).isEmpty();
  }

  /** A repository with {@code files} committed on main as "v1"; returns the commit. */
  private static RevCommit commitAll(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(message).setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
        .setSign(false).call();
  }

  @Test
  void aGitRefIsABaseline() throws Exception {
    Path repo = module("repo", V1);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commitAll(git, "v1");
    }
    Files.writeString(repo.resolve("acme/shop/v1/order.proto"), V2);

    List<CheckFinding> findings = ProtoChecks.breaking(ProtoInput.directory(repo).load(),
        ProtoInput.gitRef(repo, "main", ".").load());

    assertThat(findings).extracting(CheckFinding::type).containsExactly("FIELD_NO_DELETE");
    assertThat(Files.readString(repo.resolve("acme/shop/v1/order.proto"))).as("work tree untouched").isEqualTo(V2);
  }

  @Test
  void aTagACommitAndARevisionExpressionAreBaselinesToo() throws Exception {
    Path repo = module("repo", V1);
    String v1;
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      v1 = commitAll(git, "v1").name();
      git.tag().setName("v1.0.0").setAnnotated(true).setMessage("release").setSigned(false).call();
      Files.writeString(repo.resolve("acme/shop/v1/order.proto"), V2);
      commitAll(git, "v2: amount removed");
    }
    ProtoImage current = ProtoInput.directory(repo).load();

    for (String ref : List.of("v1.0.0", v1, v1.substring(0, 10), "main~1", "HEAD^")) {
      assertThat(ProtoChecks.breaking(current, ProtoInput.gitRef(repo, ref, ".").load()))
          .as(ref).extracting(CheckFinding::type).containsExactly("FIELD_NO_DELETE");
    }
    assertThat(ProtoChecks.breaking(current, ProtoInput.gitRef(repo, "main", ".").load())).as("main is v2").isEmpty();
  }

  @Test
  void aRefThatDoesNotExistIsOneClearFailureNamingIt() throws Exception {
    Path repo = module("repo", V1);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commitAll(git, "v1");
    }
    for (String ref : List.of("no-such-branch", "0123456789abcdef0123456789abcdef01234567", "main~5", "main:acme")) {
      assertThatThrownBy(() -> ProtoInput.gitRef(repo, ref, ".").load()).as(ref)
          .isInstanceOf(HarnessInputException.class)
          .hasMessageStartingWith(repo + "@" + ref + ": baseline ref \"" + ref + "\" does not exist");
    }
    assertThatThrownBy(() -> ProtoInput.gitRef(repo, "main", "no/such/dir").load())
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("\"no/such/dir\" has no .proto files at main");
    Path plain = module("not-a-repo", V1);
    assertThatThrownBy(() -> ProtoInput.gitRef(plain, "main", ".").load())
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("is not inside a git repository");
  }

  @Test
  void theCliTakesAGitRefAsTheBaselineLikeBuf() throws Exception {
    Path repo = dir.resolve("repo");
    Path proto = Files.createDirectories(repo.resolve("proto/acme/shop/v1"));
    Files.writeString(proto.resolve("order.proto"), V1);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      commitAll(git, "v1");
    }
    Files.writeString(proto.resolve("order.proto"), V2);
    String expected = "acme/shop/v1/order.proto:5:1:Previously present field \"2\" with name \"amount\" on message"
        + " \"Order\" was deleted.\n";

    for (String against : List.of("main", repo.resolve(".git") + "#branch=main,subdir=proto")) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int[] exit = new int[1];
      cli(out, err, exit, "breaking", repo.resolve("proto").toString(), "--against", against);
      assertThat(exit[0]).as("%s: %s", against, err).isEqualTo(100);
      assertThat(out.toString()).as(against).isEqualTo(expected);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = new int[1];
    cli(out, err, exit, "breaking", repo.resolve("proto").toString(), "--against", "release-9");
    assertThat(exit[0]).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip()).startsWith("Failure: ").contains("baseline ref \"release-9\" does not exist")
        .doesNotContain("Exception").hasLineCount(1);
  }

  @Test
  void aCorruptDescriptorSetIsOneClearFailure() throws IOException {
    Path corrupt = dir.resolve("corrupt.binpb");
    Files.write(corrupt, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
    assertThatThrownBy(() -> ProtoInput.descriptorSet(corrupt).load())
        .isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(corrupt.toString() + ": is not a valid FileDescriptorSet");

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int[] exit = new int[1];
    cli(out, err, exit, "breaking", module("v2", V2).toString(), "--against", corrupt.toString());
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err.toString()).startsWith("Failure: " + corrupt + ": is not a valid FileDescriptorSet");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aDescriptorSetMissingAnImportNamesTheMissingFile() throws IOException {
    FileDescriptorSet full = FileDescriptorSet.newBuilder()
        .addFile(com.google.protobuf.DescriptorProtos.FileDescriptorProto.newBuilder()
            .setName("a.proto").addDependency("b.proto")).build();
    Path set = dir.resolve("partial.binpb");
    Files.write(set, full.toByteArray());
    assertThatThrownBy(() -> ProtoInput.descriptorSet(set).load())
        .isInstanceOf(HarnessInputException.class)
        .hasMessageContaining("lacks \"b.proto\", imported by \"a.proto\"");
  }

  @Test
  void anUnknownRuleInBufYamlIsAFailureNamingTheFileAndTheRule() throws IOException {
    Path root = module("m", V1);
    Files.writeString(root.resolve("buf.yaml"), "version: v2\nlint:\n  use:\n    - NOT_A_RULE\n");
    assertThatThrownBy(() -> ProtoInput.directory(root).load())
        .isInstanceOf(HarnessInputException.class)
        .hasMessage(root.resolve("buf.yaml") + ": unknown lint rule or category \"NOT_A_RULE\" in lint.use");
  }

  @Test
  void anUnknownBufYamlVersionIsAFailure() throws IOException {
    Path root = module("m", V1);
    Files.writeString(root.resolve("buf.yaml"), "version: v9\n");
    assertThatThrownBy(() -> ProtoInput.directory(root).load())
        .isInstanceOf(HarnessInputException.class).hasMessageContaining("unknown buf.yaml version \"v9\"");
  }

  @Test
  void aProtocThatCannotRunIsAFailureNamingIt() throws IOException {
    Path fake = dir.resolve("protoc");
    Files.writeString(fake, "not a binary");
    String before = System.getProperty("invariant.proto.protoc");
    System.setProperty("invariant.proto.protoc", fake.toString());
    try {
      Path root = module("m", V1);
      assertThatThrownBy(() -> ProtoInput.directory(root).load())
          .isInstanceOf(HarnessInputException.class)
          .hasMessageContaining("protoc could not run");
    } finally {
      System.setProperty("invariant.proto.protoc", before);
    }
  }

  @Test
  void theCliPrintsBufsTextAndJsonFormatsAndExitsLikeBuf() throws IOException {
    Path v1 = module("v1", V1);
    Path v2 = module("v2", V2);
    StringWriter out = new StringWriter();
    int[] exit = new int[1];
    cli(out, new StringWriter(), exit, "breaking", v2.toString(), "--against", v1.toString());
    assertThat(exit[0]).isEqualTo(100);
    assertThat(out.toString()).isEqualTo(
        "acme/shop/v1/order.proto:5:1:Previously present field \"2\" with name \"amount\" on message \"Order\" was deleted.\n");

    StringWriter json = new StringWriter();
    cli(json, new StringWriter(), exit, "breaking", v2.toString(), "--against", v1.toString(), "--error-format", "json");
    assertThat(json.toString()).isEqualTo("{\"path\":\"acme/shop/v1/order.proto\",\"start_line\":5,\"start_column\":1,"
        + "\"end_line\":7,\"end_column\":2,\"type\":\"FIELD_NO_DELETE\",\"message\":\"Previously present field \\\"2\\\""
        + " with name \\\"amount\\\" on message \\\"Order\\\" was deleted.\"}\n");

    StringWriter clean = new StringWriter();
    cli(clean, new StringWriter(), exit, "breaking", v1.toString(), "--against", v1.toString());
    assertThat(exit[0]).isZero();
    assertThat(clean.toString()).isEmpty();
  }

  @Test
  void aDirectoryThatDoesNotExistIsAFailure() {
    StringWriter err = new StringWriter();
    int[] exit = new int[1];
    cli(new StringWriter(), err, exit, "lint", dir.resolve("nope").toString());
    assertThat(exit[0]).isEqualTo(1);
    assertThat(err.toString()).contains("nope: not a directory");
  }
}
