package dev.invariantharness.proto.internal;

import dev.invariantharness.HarnessInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compiled images of directories, reused while no {@code .proto} or buf configuration file under
 * the directory changed (path, size and modification time): the lint, wire and breaking checks of
 * one suite compile the same contracts once. Bounded; least recently used images go first.
 */
public final class ImageCache {

  private static final int MAX_ENTRIES = 16;

  private static final Map<String, Image> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  private ImageCache() {}

  /** The image of {@code directory} under {@code config}, compiled by {@code compile} when not cached. */
  public static Image get(Path directory, String config, Supplier<Image> compile) {
    String key = key(directory, config);
    synchronized (CACHE) {
      Image cached = CACHE.get(key);
      if (cached != null) {
        return cached;
      }
    }
    Image image = compile.get();
    synchronized (CACHE) {
      CACHE.put(key, image);
    }
    return image;
  }

  private static String key(Path directory, String config) {
    StringBuilder key = new StringBuilder(directory.toAbsolutePath().normalize().toString())
        .append('\u0000').append(config).append('\u0000').append(Protoc.VERSION);
    if (!Files.isDirectory(directory)) {
      return key.toString();
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      walk.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".proto") || name.equals("buf.yaml") || name.equals("buf.work.yaml");
      }).sorted().forEach(p -> {
        try {
          BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
          key.append('\u0000').append(directory.relativize(p)).append(':').append(a.size()).append(':')
              .append(a.lastModifiedTime().toMillis());
        } catch (IOException e) {
          key.append('\u0000').append(p).append(":unreadable");
        }
      });
    } catch (IOException e) {
      throw new HarnessInputException(directory.toString(), "cannot be listed: " + e.getMessage());
    }
    return key.toString();
  }
}
