package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One file of an image: its descriptor (features resolved by protobuf-java), its proto (as
 * compiled, with source info) and where it is shown ({@code displayPath}, the path relative to the
 * input directory, module directory included, as buf prints it).
 */
public final class ProtoFile {

  private final FileDescriptor descriptor;
  private final FileDescriptorProto proto;
  private final String displayPath;
  private final boolean target;
  private final Map<List<Integer>, Location> locations = new HashMap<>();
  private final Map<List<Integer>, List<Integer>> aliases = new HashMap<>();
  private java.nio.file.Path source;
  private List<String> sourceLines;

  ProtoFile(FileDescriptor descriptor, FileDescriptorProto proto, String displayPath, boolean target) {
    this.descriptor = descriptor;
    this.proto = proto;
    this.displayPath = displayPath;
    this.target = target;
    for (Location location : proto.getSourceCodeInfo().getLocationList()) {
      locations.putIfAbsent(location.getPathList(), location);
    }
  }

  public FileDescriptor descriptor() {
    return descriptor;
  }

  public FileDescriptorProto proto() {
    return proto;
  }

  /** The path protoc knows the file by (relative to its module root), e.g. {@code foo/v1/a.proto}. */
  public String name() {
    return proto.getName();
  }

  /** The path buf prints: relative to the input directory. */
  public String displayPath() {
    return displayPath;
  }

  /** Whether the file belongs to the checked module (not an import from outside it). */
  public boolean target() {
    return target;
  }

  public String packageName() {
    return proto.getPackage();
  }

  /** The span at {@code path}, or null when the source declares nothing there. */
  public Span span(List<Integer> path) {
    Location location = locations.get(path);
    if (location == null) {
      // a map entry message has no source of its own: buf places its fields at the map field
      for (var alias : aliases.entrySet()) {
        List<Integer> prefix = alias.getKey();
        if (path.size() > prefix.size() && path.subList(0, prefix.size()).equals(prefix)) {
          int last = path.get(path.size() - 1);
          if (path.size() == prefix.size() + 3 && (last == 5 || last == 6)) {
            // the key or value type: buf points at the map<...> type
            Span type = span(El.child(alias.getValue(), 6));
            if (type != null) {
              return type;
            }
          }
          return span(alias.getValue());
        }
      }
      return null;
    }
    return location.getSpanCount() < 3 ? null : tabs(Span.of(location));
  }

  /**
   * protoc counts a tab to the next multiple of 8 columns, buf's compiler to the next multiple of
   * 4: re-count the columns of lines with tabs when the source is at hand.
   */
  private Span tabs(Span span) {
    String start = sourceLine(span.startLine());
    String end = span.endLine() == span.startLine() ? start : sourceLine(span.endLine());
    if ((start == null || start.indexOf('\t') < 0) && (end == null || end.indexOf('\t') < 0)) {
      return span;
    }
    return new Span(span.startLine(), recount(start, span.startColumn()), span.endLine(),
        recount(end, span.endColumn()), span.leadingComments(), span.path());
  }

  private static int recount(String line, int protocColumn) {
    if (line == null || line.indexOf('\t') < 0) {
      return protocColumn;
    }
    int target = protocColumn - 1;
    int protoc = 0;
    int buf = 0;
    for (int i = 0; i < line.length() && protoc < target; i++) {
      if (line.charAt(i) == '\t') {
        protoc = (protoc / 8 + 1) * 8;
        buf = (buf / 4 + 1) * 4;
      } else {
        protoc++;
        buf++;
      }
    }
    return buf + (target - protoc) + 1;
  }

  void alias(List<Integer> entryMessage, List<Integer> mapField) {
    aliases.put(entryMessage, mapField);
  }

  void source(java.nio.file.Path file) {
    this.source = file;
  }

  /** The 1-based {@code line} of the source text, or null when the source is not at hand. */
  public String sourceLine(int line) {
    if (source == null) {
      return null;
    }
    if (sourceLines == null) {
      try {
        sourceLines = java.nio.file.Files.readAllLines(source);
      } catch (java.io.IOException e) {
        source = null;
        return null;
      }
    }
    return line >= 1 && line <= sourceLines.size() ? sourceLines.get(line - 1) : null;
  }

  /**
   * buf's location of an option value inside an extension ({@code path} = options path, extension
   * number, then fields inside it; the first {@code extensionPathLen} elements reach the
   * extension): the exact location; else the first location inside {@code path} (a message
   * literal's part); else the longest location on the way to it, at least the extension itself.
   */
  public Span optionSpan(List<Integer> path, int extensionPathLen) {
    Location exact = locations.get(path);
    if (exact != null) {
      return exact.getSpanCount() < 3 ? null : tabs(Span.of(exact));
    }
    Location best = null;
    for (Location location : proto.getSourceCodeInfo().getLocationList()) {
      List<Integer> candidate = location.getPathList();
      if (candidate.size() >= extensionPathLen && startsWith(path, candidate)
          && (best == null || candidate.size() > best.getPathCount())) {
        best = location;
      } else if (startsWith(candidate, path)) {
        return location.getSpanCount() < 3 ? null : tabs(Span.of(location));
      }
    }
    return best == null || best.getSpanCount() < 3 ? null : tabs(Span.of(best));
  }

  private static boolean startsWith(List<Integer> path, List<Integer> prefix) {
    return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
  }

  public boolean hasLocation(List<Integer> path) {
    return locations.containsKey(path);
  }

  /** Leading comments of the element at {@code path}, "" when none. */
  public String leadingComments(List<Integer> path) {
    Location location = locations.get(path);
    return location == null ? "" : location.getLeadingComments();
  }

  public boolean hasSourceInfo() {
    return !locations.isEmpty();
  }
}
