package dev.invariantharness.runtime.parity;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.internal.JsonlExchanges;
import dev.invariantharness.runtime.parity.internal.WireMockMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Reads recorded traffic for {@link TrafficParity}, in two formats:
 *
 * <ul>
 *   <li><b>WireMock stub mappings</b> ({@code *.json}): what WireMock's recorder or
 *       {@code saveMappings()} writes under {@code mappings/} — one mapping per file, or
 *       {@code {"mappings":[...]}}. The request is taken from {@code request.method},
 *       {@code request.url} (or {@code urlPath} plus {@code queryParameters} with
 *       {@code equalTo}, or the recorder's {@code hasExactly} / {@code includes} lists of
 *       {@code equalTo}), {@code headers} with {@code equalTo}, and the first of
 *       {@code bodyPatterns}' {@code equalToJson} / {@code equalTo} / {@code equalToXml}.
 *       The recorded {@code response} is not compared: like Diffy, parity compares the live
 *       answers of the sides. A mapping that only matches by regex ({@code urlPattern},
 *       {@code urlPathPattern}, {@code urlPathTemplate}) or by method {@code ANY} names no
 *       request to send and is an input error.
 *   <li><b>JSONL exchanges</b> ({@code *.jsonl}): one request a line,
 *       {@code {"method":"POST","path":"/api/runs?x=1","headers":{"Content-Type":"application/json"},"body":{"name":"a"}}};
 *       {@code body} is a string or any JSON value (sent as its JSON text), {@code headers} and
 *       {@code body} are optional.
 * </ul>
 *
 * <pre>{@code
 * List<RecordedExchange> traffic = Recordings.load(Path.of("src/test/resources/recordings"));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Recordings {

  private Recordings() {}

  /**
   * Reads a file, or every {@code *.json} and {@code *.jsonl} file under a directory (its
   * {@code mappings/} subdirectory when it has one, as WireMock's root does), in path order.
   *
   * @throws HarnessInputException naming the file (and line) and the problem, or when nothing
   *     was recorded there
   */
  public static List<RecordedExchange> load(Path path) {
    List<RecordedExchange> all = new ArrayList<>();
    for (Path file : files(path)) {
      all.addAll(loadFile(file));
    }
    if (all.isEmpty()) {
      throw new HarnessInputException(path.toString(), "holds no recorded exchanges (*.json WireMock mappings or *.jsonl)");
    }
    return all;
  }

  private static List<RecordedExchange> loadFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".jsonl")) {
      return JsonlExchanges.read(file);
    }
    if (name.endsWith(".json")) {
      return WireMockMappings.read(file);
    }
    throw new HarnessInputException(file.toString(), "is neither a WireMock mapping (*.json) nor JSONL exchanges (*.jsonl)");
  }

  private static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new HarnessInputException(path.toString(), "recordings path does not exist");
    }
    Path root = Files.isDirectory(path.resolve("mappings")) ? path.resolve("mappings") : path;
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".json") || n.endsWith(".jsonl");
          })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new HarnessInputException(path.toString(), -1, "recordings directory cannot be listed: " + e, e);
    }
  }
}
