package dev.invariantharness.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping and links of the HTML page. */
class HtmlTest {

  @Test
  void everyMarkupCharacterIsEscapedAndNullIsEmpty() {
    assertThat(Html.escape(null)).isEmpty();
    assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assertThat(Html.escape("plain — text")).isEqualTo("plain — text");
  }

  @Test
  void relativePathsArePercentEncodedOutsideTheUnreservedCharacters() {
    assertThat(Html.relativeHref("evidence/azAZ09-._~/x.txt")).isEqualTo("evidence/azAZ09-._~/x.txt");
    // the neighbours of each unreserved range are encoded
    assertThat(Html.relativeHref("e/`{@[:")).isEqualTo("e/%60%7B%40%5B%3A");
    assertThat(Html.relativeHref("e/ é")).isEqualTo("e/%20%C3%A9");
    assertThat(Html.relativeHref("evidence\\win\\001.txt")).isEqualTo("evidence/win/001.txt");
  }

  @Test
  void absolutePathsSchemesAndBlanksAreNotLinked() {
    assertThat(Html.relativeHref(null)).isNull();
    assertThat(Html.relativeHref(" ")).isNull();
    assertThat(Html.relativeHref("/etc/passwd")).isNull();
    assertThat(Html.relativeHref("\\\\host\\share")).isNull();
    assertThat(Html.relativeHref("javascript:alert(1)")).isNull();
    assertThat(Html.relativeHref("C:/x")).isNull();
    assertThat(Html.relativeHref("data+x.y-z:abc")).isNull();
  }
}
