package dev.invariantharness.proto;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import dev.invariantharness.proto.internal.Image;
import dev.invariantharness.proto.internal.ProtoFile;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A compiled input: every file with source info and imports, which of them are the module's own
 * (the files rules look at) and the buf.yaml configuration of each module. Load one with
 * {@link ProtoInput#load()}; reuse it across checks (compiling is the expensive part).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ProtoImage {

  private final Image image;

  ProtoImage(Image image) {
    this.image = image;
  }

  /** The input this was loaded from, as named in messages. */
  public String input() {
    return image.input();
  }

  /** The module's own files, by the path buf prints for them. */
  public List<String> files() {
    return image.targets().stream().map(ProtoFile::displayPath).toList();
  }

  /** The whole image as a descriptor set (imports included), as {@code buf build -o} writes one. */
  public FileDescriptorSet descriptorSet() {
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    image.allFiles().values().forEach(f -> set.addFile(f.proto()));
    return set.build();
  }

  /** For the rule packages of this module only. */
  @API(status = INTERNAL, since = "0.1")
  public Image internal() {
    return image;
  }
}
