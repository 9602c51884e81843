package dev.invariantharness.runtime.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheControlTest {

  @Test
  void directiveNamesAreCaseInsensitive() {
    CacheControl cc = CacheControl.parse("Public, MAX-AGE=31536000, Immutable");
    assertThat(cc.isImmutable()).isTrue();
    assertThat(cc.has("public")).isTrue();
    assertThat(cc.maxAgeSeconds()).hasValue(31_536_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-cache", "NO-CACHE", "no-store", "max-age=0", "public, max-age=0, must-revalidate",
      "no-cache, no-store, must-revalidate", "private,no-cache", "  no-store  ", "max-age=\"0\""})
  void equivalentRevalidateOnEveryUseFormsAreAccepted(String header) {
    assertThat(CacheControl.parse(header).requiresRevalidation()).as(header).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"public, max-age=3600", "max-age=60, must-revalidate", "", "private", "public, immutable",
      "no-cache=\"Set-Cookie\", max-age=600"})
  void formsThatLetCachesReuseAResponseAreNot(String header) {
    assertThat(CacheControl.parse(header).requiresRevalidation()).as(header).isFalse();
  }

  @Test
  void quotedValuesKeepTheirCommasAndAQualifiedNoCacheDoesNotCount() {
    CacheControl cc = CacheControl.parse("no-cache=\"Set-Cookie, Cookie\", max-age=60");
    assertThat(cc.directives()).hasSize(2);
    assertThat(cc.value("no-cache")).hasValue("Set-Cookie, Cookie");
    assertThat(cc.isNoCache()).isFalse();
    assertThat(cc.maxAgeSeconds()).hasValue(60);
  }

  @Test
  void escapedQuotesInsideAQuotedValueAreUnescaped() {
    assertThat(CacheControl.parse("ext=\"a \\\"b\\\" c\", immutable").value("ext")).hasValue("a \"b\" c");
  }

  @Test
  void repeatedFieldLinesAreOneList() {
    CacheControl cc = CacheControl.parse(List.of("public", "max-age=31536000", "immutable"));
    assertThat(cc.isImmutable()).isTrue();
    assertThat(cc.maxAgeSeconds()).hasValue(31_536_000);
    assertThat(cc.raw()).isEqualTo("public, max-age=31536000, immutable");
  }

  @Test
  void theFirstOfRepeatedDirectivesWins() {
    assertThat(CacheControl.parse("max-age=0, max-age=3600").maxAgeSeconds()).hasValue(0);
  }

  @Test
  void aQuotedMaxAgeIsReadAndAHugeOneIsClamped() {
    assertThat(CacheControl.parse("max-age=\"600\"").maxAgeSeconds()).hasValue(600);
    assertThat(CacheControl.parse("max-age=99999999999999999999").maxAgeSeconds()).hasValue(CacheControl.MAX_DELTA_SECONDS);
  }

  @Test
  void aMaxAgeThatIsNotANumberIsAbsent() {
    assertThat(CacheControl.parse("max-age=soon").maxAgeSeconds()).isEmpty();
    assertThat(CacheControl.parse("max-age=-1").maxAgeSeconds()).isEmpty();
  }

  @Test
  void malformedPiecesAreReportedAndParsingGoesOnAtTheNextComma() {
    CacheControl cc = CacheControl.parse("max-age=60; immutable, public, \"junk\", no-store");
    assertThat(cc.problems()).hasSize(2).first().asString().contains("after directive 'max-age'");
    assertThat(cc.has("public")).isTrue();
    assertThat(cc.isNoStore()).isTrue();
    assertThat(cc.isImmutable()).isFalse();
  }

  @Test
  void anUnterminatedQuoteIsAProblemNotAnException() {
    CacheControl cc = CacheControl.parse("private=\"Set-Cookie");
    assertThat(cc.value("private")).hasValue("Set-Cookie");
    assertThat(cc.problems()).singleElement().asString().contains("unterminated");
  }

  @Test
  void noHeaderIsEmpty() {
    assertThat(CacheControl.parse(List.of()).isEmpty()).isTrue();
    assertThat(CacheControl.parse((String) null).requiresRevalidation()).isFalse();
  }
}
