package dev.invariantharness.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small service repository written to a temporary directory, the target of the example
 * repository scans (INV-03, INV-12). The correct tree has a WebSocket sync client and one
 * allowlisted SSE presentation adapter (ADR-0008); the broken tree adds a GitHub workflow and a
 * polling live lane.
 */
public final class ReferenceRepository implements AutoCloseable {

  /** Globs of the presentation adapters ADR-0008 allows to use SSE. */
  public static final String PRESENTATION_ADAPTERS = "apps/web/src/adapters/**";

  private final Path root;

  private ReferenceRepository(Path root) {
    this.root = root;
  }

  /** Writes the tree; {@code broken} adds the defects. */
  public static ReferenceRepository write(boolean broken) throws IOException {
    Path root = Files.createTempDirectory("reference-repo");
    Map<String, String> files = new TreeMap<>();
    files.put(".gitignore", "node_modules/\ntarget/\n");
    files.put("apps/khala/src/sync.rs", "// live sync over the Phoenix channel: ws://HOST/sync/socket/websocket\nfn subscribe() {}\n");
    files.put("apps/web/src/live/socket.ts", "export const socket = new WebSocket(url);\n");
    files.put(PRESENTATION_ADAPTERS.replace("**", "vercel_stream_adapter.ts"),
        "// ADR-0008: SSE presentation adapter over Khala authority outputs\nconst es = new EventSource('/api/chat/stream');\n");
    files.put("apps/web/node_modules/some-lib/index.js", "new EventSource(u)\n");
    if (broken) {
      files.put(".github/workflows/ci.yml", "on: push\njobs: {}\n");
      files.put("apps/web/src/live/runs.ts", "setInterval(() => poll('/api/runs'), 2000);\n");
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = root.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
    return new ReferenceRepository(root);
  }

  /** The repository root. */
  public Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
