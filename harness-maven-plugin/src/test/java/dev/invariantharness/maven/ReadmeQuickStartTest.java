package dev.invariantharness.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start is what the {@code quick-start} integration test builds: its pom
 * snippet and its suite, verbatim. The IT proves the snippet works in a real Maven build; this
 * test keeps the README from drifting away from what was proved.
 */
class ReadmeQuickStartTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path IT = Path.of("src", "it", "quick-start");
  private static final String BEGIN = "<!-- BEGIN README quick start -->";
  private static final String END = "<!-- END README quick start -->";

  @Test
  void thePomSnippetIsTheQuickStartProjectsPom() throws IOException {
    String pom = read(IT.resolve("pom.xml"));
    int begin = pom.indexOf(BEGIN);
    int end = pom.indexOf(END);
    assertThat(begin).as("%s in %s", BEGIN, IT.resolve("pom.xml")).isNotNegative();
    assertThat(end).as("%s in %s", END, IT.resolve("pom.xml")).isGreaterThan(begin);
    String fromPom = dedent(pom.substring(pom.indexOf('\n', begin) + 1, pom.lastIndexOf('\n', end) + 1));

    assertThat(dedent(quickStartBlock("xml"))).isEqualTo(fromPom);
  }

  @Test
  void theSuiteIsTheQuickStartProjectsTestClass() throws IOException {
    String suite = read(IT.resolve("src/test/java/com/example/RepositoryGatesTest.java"));

    assertThat(dedent(quickStartBlock("java"))).isEqualTo(suite);
  }

  @Test
  void theSnippetNamesTheVersionThisBuildInstalls() throws IOException {
    String version = System.getProperty("harness.version");
    assertThat(version).as("surefire sets harness.version").isNotBlank();

    assertThat(quickStartBlock("xml")).contains("<version>" + version + "</version>");
  }

  /** The first fenced block of {@code language} in the README's quick start section. */
  private static String quickStartBlock(String language) throws IOException {
    String readme = read(README);
    int start = readme.indexOf("\n## Quick start for a service team");
    assertThat(start).as("README section 'Quick start for a service team'").isNotNegative();
    int next = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, next < 0 ? readme.length() : next);
    Matcher m = Pattern.compile("(?m)^([ \\t]*)```" + language + "\\n(.*?)^\\1```$", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a ```%s block in the README's quick start", language).isTrue();
    return m.group(2);
  }

  /** The lines without their common indentation, as a reader copies them. */
  private static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(l.isBlank() ? "" : l.substring(indent));
    }
    return String.join("\n", out) + "\n";
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
