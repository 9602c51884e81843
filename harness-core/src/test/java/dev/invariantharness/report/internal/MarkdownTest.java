package dev.invariantharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Arbitrary text (a failure message, a display name) cannot break the summary's Markdown layout. */
class MarkdownTest {

  @Test
  void aTableCellEscapesEveryPipeAndTurnsLineBreaksIntoBr() {
    assertThat(Markdown.cell("|a|b|")).isEqualTo("\\|a\\|b\\|");
    assertThat(Markdown.cell("one\r\ntwo\rthree\nfour")).isEqualTo("one<br>two<br>three<br>four");
    assertThat(Markdown.cell("plain")).isEqualTo("plain");
    assertThat(Markdown.cell(null)).isEmpty();
    assertThat(Markdown.cell("")).isEmpty();
  }

  @Test
  void aCodeSpanIsLongerThanAnyBacktickRunInsideIt() {
    assertThat(Markdown.code("mvn verify")).isEqualTo("`mvn verify`");
    assertThat(Markdown.code("a``b")).isEqualTo("```a``b```");
    assertThat(Markdown.code("a`b``c`d")).isEqualTo("```a`b``c`d```");
  }

  @Test
  void aCodeSpanStartingOrEndingWithABacktickIsPadded() {
    assertThat(Markdown.code("`x")).isEqualTo("`` `x ``");
    assertThat(Markdown.code("x`")).isEqualTo("`` x` ``");
  }

  @Test
  void aCodeSpanIsOneLine() {
    assertThat(Markdown.code("a\r\nb\nc")).isEqualTo("`a b c`");
    assertThat(Markdown.code(null)).isEqualTo("``");
  }

  @Test
  void aFenceIsAtLeastThreeBackticksAndLongerThanAnyRunInside() {
    assertThat(Markdown.fence("x\ny", "  ")).isEqualTo("  ```\n  x\n  y\n  ```\n");
    assertThat(Markdown.fence("a````b", "")).isEqualTo("`````\na````b\n`````\n");
  }

  @Test
  void lineHelpersSeeEveryKindOfLineBreak() {
    assertThat(Markdown.oneLine("a\rb\nc")).isEqualTo("a b c");
    assertThat(Markdown.oneLine(null)).isEmpty();
    assertThat(Markdown.firstLine("first\r\nsecond")).isEqualTo("first");
    assertThat(Markdown.firstLine("first\rsecond")).isEqualTo("first");
    assertThat(Markdown.firstLine("only")).isEqualTo("only");
    assertThat(Markdown.firstLine(null)).isEmpty();
    assertThat(Markdown.multiLine("a\rb")).isTrue();
    assertThat(Markdown.multiLine("a\nb")).isTrue();
    assertThat(Markdown.multiLine("ab")).isFalse();
    assertThat(Markdown.multiLine(null)).isFalse();
  }

  @Test
  void hasAnyLooksForEachCharacterAnywhere() {
    assertThat(Markdown.hasAny("\nabc", "\r\n")).isTrue();
    assertThat(Markdown.hasAny("abc\r", "\r\n")).isTrue();
    assertThat(Markdown.hasAny("abc", "\r\n")).isFalse();
    assertThat(Markdown.hasAny("abc", "")).isFalse();
  }
}
