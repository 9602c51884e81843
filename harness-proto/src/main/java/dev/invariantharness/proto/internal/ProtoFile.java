package dev.invariantharness.proto.internal;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.SourceCodeInfo.Location;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.ArrayList;
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
  private final Map<List<Integer>, Location> locations;
  private final Map<List<Integer>, List<Integer>> aliases = new HashMap<>();
  private java.nio.file.Path source;
  private List<String> sourceLines;

  ProtoFile(FileDescriptor descriptor, FileDescriptorProto proto, String displayPath, boolean target) {
    this.descriptor = descriptor;
    this.proto = proto;
    this.displayPath = displayPath;
    this.target = target;
    this.locations = BuiltFiles.locations(proto);
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
   * protoc counts columns in UTF-8 bytes and a tab to the next multiple of 8, buf's compiler in
   * characters and a tab to the next multiple of 4: re-count the columns of lines with tabs or
   * non-ASCII text when the source is at hand.
   */
  private Span tabs(Span span) {
    String start = sourceLine(span.startLine());
    String end = span.endLine() == span.startLine() ? start : sourceLine(span.endLine());
    if (plain(start) && plain(end)) {
      return span;
    }
    return new Span(span.startLine(), recount(start, span.startColumn()), span.endLine(),
        recount(end, span.endColumn()), span.leadingComments(), span.path());
  }

  private static boolean plain(String line) {
    if (line == null) {
      return true;
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t' || c >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static int recount(String line, int protocColumn) {
    if (plain(line)) {
      return protocColumn;
    }
    int index = OptionLiterals.charIndex(line, protocColumn - 1);
    int protocAtIndex = 0;
    for (int i = 0; i < index; ) {
      int cp = line.codePointAt(i);
      protocAtIndex = cp == '\t' ? (protocAtIndex / 8 + 1) * 8
          : protocAtIndex + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
      i += Character.charCount(cp);
    }
    // past the end of the line (an end column after the last character): the rest counts one each
    return OptionLiterals.bufColumn(line, index) + Math.max(0, protocColumn - 1 - protocAtIndex);
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
   * extension, whose message type is {@code extensionType}): the exact location; else the first
   * location inside {@code path}; else the longest location on the way to it, at least the
   * extension itself. Locations inside message literals are found as buf's compiler records them
   * ({@link OptionLiterals}).
   */
  public Span optionSpan(List<Integer> path, int extensionPathLen, com.google.protobuf.Descriptors.Descriptor extensionType) {
    List<OptionLiterals.Found> entries = optionLocations(path.subList(0, extensionPathLen), extensionType);
    for (OptionLiterals.Found entry : entries) {
      if (entry.path().equals(path)) {
        return entry.span();
      }
    }
    OptionLiterals.Found best = null;
    for (OptionLiterals.Found entry : entries) {
      List<Integer> candidate = entry.path();
      if (candidate.size() >= extensionPathLen && startsWith(path, candidate)
          && (best == null || candidate.size() > best.path().size())) {
        best = entry;
      } else if (startsWith(candidate, path)) {
        return entry.span();
      }
    }
    return best == null ? null : best.span();
  }

  private final Map<List<Integer>, List<OptionLiterals.Found>> optionLocations = new HashMap<>();

  /** Every location of the file in order, with the literal locations under {@code prefix} after their option. */
  private List<OptionLiterals.Found> optionLocations(List<Integer> prefix, com.google.protobuf.Descriptors.Descriptor type) {
    return optionLocations.computeIfAbsent(List.copyOf(prefix), p -> {
      List<OptionLiterals.Found> all = new ArrayList<>();
      for (Location location : proto.getSourceCodeInfo().getLocationList()) {
        if (location.getSpanCount() < 3) {
          continue;
        }
        Span span = tabs(Span.of(location));
        all.add(new OptionLiterals.Found(location.getPathList(), span));
        List<Integer> at = location.getPathList();
        if (!startsWith(at, p) || sourceLine(span.startLine()) == null) {
          continue;
        }
        var valueType = typeAt(type, at.subList(p.size(), at.size()));
        if (valueType != null) {
          int startChar = OptionLiterals.charIndex(sourceLine(span.startLine()), location.getSpan(1));
          all.addAll(OptionLiterals.of(sourceLines, span.startLine(), startChar, at, valueType));
        }
      }
      return all;
    });
  }

  /** The message type at {@code path} (field numbers, a repeated field followed by an index) under {@code root}. */
  private static com.google.protobuf.Descriptors.Descriptor typeAt(com.google.protobuf.Descriptors.Descriptor root,
      List<Integer> path) {
    var type = root;
    for (int i = 0; i < path.size(); i++) {
      var field = type == null ? null : type.findFieldByNumber(path.get(i));
      if (field == null || field.getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
        return null;
      }
      if (field.isRepeated()) {
        i++;
        if (i >= path.size() - 1) {
          // an element of a repeated option (option (x).list = {...};): buf records nothing inside
          return null;
        }
      }
      type = field.getMessageType();
    }
    return type;
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
