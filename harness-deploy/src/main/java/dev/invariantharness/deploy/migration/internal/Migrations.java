package dev.invariantharness.deploy.migration.internal;

import dev.invariantharness.HarnessInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Migration files as sqlx and Flyway name and checksum them. */
public final class Migrations {

  /** A migration file: version key for ordering, description, the tool's checksum as text. */
  public record File(String version, List<BigInteger> order, String description, Path path, String checksum) {}

  private static final Pattern SQLX = Pattern.compile("(\\d+)_(.+?)(\\.up)?\\.sql");
  private static final Pattern FLYWAY = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__(.+)\\.sql");

  private Migrations() {}

  /** sqlx: {@code <VERSION>_<DESCRIPTION>.sql} or {@code .up.sql}; checksum SHA-384 of the bytes, hex. */
  public static List<File> sqlx(Path dir) {
    List<File> out = new ArrayList<>();
    for (Path p : list(dir)) {
      String name = p.getFileName().toString();
      if (name.endsWith(".down.sql")) {
        continue;
      }
      Matcher m = SQLX.matcher(name);
      if (!m.matches()) {
        continue;
      }
      byte[] bytes = read(p);
      out.add(new File(new BigInteger(m.group(1)).toString(), List.of(new BigInteger(m.group(1))),
          m.group(2).replace('_', ' '), p, HexFormat.of().formatHex(sha384(bytes))));
    }
    out.sort(Comparator.comparing(File::order, Migrations::compare));
    return out;
  }

  /** Flyway: {@code V<VERSION>__<DESCRIPTION>.sql}; checksum CRC32 over the UTF-8 lines, as Flyway's signed int. */
  public static List<File> flyway(Path dir) {
    List<File> out = new ArrayList<>();
    for (Path p : list(dir)) {
      Matcher m = FLYWAY.matcher(p.getFileName().toString());
      if (!m.matches()) {
        continue;
      }
      List<BigInteger> order = new ArrayList<>();
      for (String part : m.group(1).split("[._]")) {
        order.add(new BigInteger(part));
      }
      out.add(new File(m.group(1).replace('_', '.'), order, m.group(2).replace('_', ' '), p,
          Integer.toString(flywayChecksum(new String(read(p), StandardCharsets.UTF_8)))));
    }
    out.sort(Comparator.comparing(File::order, Migrations::compare));
    return out;
  }

  /** Flyway's checksum: CRC32 of each line without its terminator, a leading BOM removed. */
  public static int flywayChecksum(String text) {
    CRC32 crc = new CRC32();
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      String line;
      boolean first = true;
      while ((line = r.readLine()) != null) {
        if (first && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        first = false;
        crc.update(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return (int) crc.getValue();
  }

  /** Version order: numerically, part by part, a missing part counting as zero. */
  public static int compare(List<BigInteger> a, List<BigInteger> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
      BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
      int c = x.compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  static byte[] sha384(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-384").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new HarnessInputException(dir.toString(), "is not a directory of migration files");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
