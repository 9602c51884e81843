package dev.invariantharness.scan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LiteralPrefilterTest {

  @Test
  void anAlternationOfWordsIsSearchedAsItsWords() {
    assertThat(literals("SSE|EventSource|poll")).containsExactly("SSE", "EventSource", "poll");
  }

  @Test
  void anchorsAndEscapesAreReadAsTheTextTheyRequire() {
    assertThat(literals("^import x\\.y|\\bnew EventSource\\(")).containsExactly("import x.y", "new EventSource(");
    assertThat(literals("\\Qa.b*c\\E|zz")).containsExactly("a.b*c", "zz");
  }

  @Test
  void aCharacterMadeOptionalByAQuantifierIsLeftOut() {
    assertThat(literals("colou?r|polls*|ab{2}c|x+y")).containsExactly("colo", "poll", "ab", "x");
  }

  @Test
  void theLongestRequiredRunIsTakenFromEachBranch() {
    assertThat(literals("[Ee]ventSource|[Pp]oll|SSE")).containsExactly("ventSource", "oll", "SSE");
    assertThat(literals("poll|.*SSE\\d+ab")).containsExactly("poll", "SSE");
    assertThat(literals("(a|b)xyz(c)?d")).containsExactly("xyz");
  }

  @Test
  void aGroupThatMustOccurContributesItsAlternatives() {
    assertThat(literals("\\b(?:SSE|EventSource|poll)\\b")).containsExactly("SSE", "EventSource", "poll");
    assertThat(literals("(SSE|poll)")).containsExactly("SSE", "poll");
    assertThat(literals("x(?<kind>abc|de(f|gh))+y")).containsExactly("abc", "de");
    assertThat(literals("(?:a|bc)def")).containsExactly("def");
  }

  @Test
  void anOptionalGroupOrALookaroundContributesNothing() {
    assertThat(LiteralPrefilter.of(Pattern.compile("(?:SSE|poll)?"))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("(?=poll)\\w+"))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("(poll|)"))).isNull();
  }

  @Test
  void anOptionalCodePointOutsideTheBasicPlaneIsDroppedWhole() {
    assertThat(literals("x\uD83D\uDE00?")).containsExactly("x");
  }

  @Test
  void noPrefilterWhenSomeBranchMayStartWithAnything() {
    assertThat(LiteralPrefilter.of(Pattern.compile("poll|.*"))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("poll|"))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("\\d+|poll"))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("a?"))).isNull();
  }

  @Test
  void noPrefilterWhenLayoutOrUnicodeCaseFlagsChangeWhatALiteralMeans() {
    assertThat(LiteralPrefilter.of(Pattern.compile("po ll", Pattern.COMMENTS))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("poll", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))).isNull();
    assertThat(LiteralPrefilter.of(Pattern.compile("a(?i)poll"))).isNull();
  }

  @Test
  void caseFoldingClassesAndCaseInsensitivePatternsGiveLowerCasedLiterals() {
    assertThat(literals("[Ss][Ss][Ee]|[Ee]vent[Ss]ource|[Pp]oll")).containsExactly("sse", "eventsource", "poll");
    assertThat(literals("[sS][Ss]E")).containsExactly("sse");
    // a case-sensitive reading with long enough literals needs no folding
    assertThat(literals("[Ee]ventSource|[Pp]oll|SSE")).containsExactly("ventSource", "oll", "SSE");
    assertThat(LiteralPrefilter.of(Pattern.compile("EventSource|SSE", Pattern.CASE_INSENSITIVE)).literals())
        .containsExactly("eventsource", "sse");
    assertThat(literals("(?i)poll")).containsExactly("poll");
    // not a case pair: a class of two letters ends the run as before
    assertThat(literals("[Sx]SEE")).containsExactly("SEE");
  }

  @Test
  void aFoldedPrefilterFindsEverySpellingTheRegexMatches() {
    LiteralPrefilter p = LiteralPrefilter.of(Pattern.compile("[Ss][Ss][Ee]|[Ee]vent[Ss]ource|[Pp]oll"));
    for (String text : new String[] {"new EVENTSOURCE(", "x = sSe;", "Poll()", "eventSource", "SSE"}) {
      assertThat(p.mayMatch(text)).as(text).isTrue();
    }
    assertThat(p.mayMatch("nothing to see here: stream, ws, socket")).isFalse();
  }

  @Test
  void aFoldedPrefilterIsNeverNarrowerThanTheRegexOnGeneratedTexts() {
    java.util.Random random = new java.util.Random(7);
    String[] regexes = {"[Ss][Ss][Ee]|[Ee]vent[Ss]ource|[Pp]oll", "(?i)sse|poll", "[Pp]o[Ll]+ing", "\\b[Ss]SE\\b"};
    String alphabet = "sSeEpPoOlLvVnNtTuUrRcC \u00c0\u00e0_";
    for (String regex : regexes) {
      Pattern pattern = Pattern.compile(regex);
      LiteralPrefilter p = LiteralPrefilter.of(pattern);
      assertThat(p).as(regex).isNotNull();
      for (int n = 0; n < 20_000; n++) {
        StringBuilder sb = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
          sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String text = sb.toString();
        String latin1 = new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (pattern.matcher(text).find()) {
          assertThat(p.mayMatch(latin1)).as("%s on '%s'", regex, text).isTrue();
        }
      }
    }
  }

  @Test
  void barsAndParenthesesInsideAClassDoNotSplitBranches() {
    assertThat(literals("abc[(]|x")).containsExactly("abc", "x");
    assertThat(literals("abc[|]x")).containsExactly("abc");
    assertThat(literals("[]|]ab|[^]|(]cd")).containsExactly("ab", "cd");
    assertThat(literals("[a[|]]bc|d")).containsExactly("bc", "d");
  }

  @Test
  void noPrefilterWhenAnEscapeIsNotUnderstood() {
    assertThat(LiteralPrefilter.of(Pattern.compile("\\p{Lu}|poll"))).isNull();
    assertThat(literals("(a)\\1|poll")).containsExactly("a", "poll");
    assertThat(literals("poll\\x41bc")).containsExactly("poll");
  }

  @Test
  void aLiteralPatternIsItsOwnPrefilter() {
    assertThat(literals("a.b|c", Pattern.LITERAL)).containsExactly("a.b|c");
  }

  @Test
  void nonAsciiLiteralsAreSearchedAsUtf8Bytes() {
    LiteralPrefilter prefilter = LiteralPrefilter.of(Pattern.compile("café|\uD83D\uDE00x?"));

    assertThat(prefilter).isNotNull();
    assertThat(prefilter.mayMatch(latin1("un café noir"))).isTrue();
    assertThat(prefilter.mayMatch(latin1("go \uD83D\uDE00!"))).isTrue();
    assertThat(prefilter.mayMatch(latin1("un cafe noir"))).isFalse();
  }

  /** Whenever the regex finds a match, the prefilter must have said "maybe". */
  @ParameterizedTest
  @ValueSource(strings = {
    "SSE|EventSource|poll", "^poll$|ab", "colou?r|x+y", "\\bpoll\\b|a\\.b", "\\Q(a|b)\\E|c", "ab*c|xb{2}",
    "a(b|c)d|ca", "abc[xy]z", "[Ee]ventSource|[Pp]oll|SSE", "[]|]ab|[^]|(]cd", "(a|b)xyz(c)?d"})
  void thePrefilterNeverHidesAMatch(String regex) {
    Pattern pattern = Pattern.compile(regex, Pattern.MULTILINE);
    LiteralPrefilter prefilter = LiteralPrefilter.of(pattern);
    assertThat(prefilter).as("a prefilter for %s", regex).isNotNull();
    Random random = new Random(regex.hashCode());
    String alphabet = "abcdxyzlopESVnturce.()|\\Q\n ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      if (pattern.matcher(t).find()) {
        assertThat(prefilter.mayMatch(latin1(t))).as("%s on %s", regex, t).isTrue();
      }
    }
  }

  /** Random regexes over constructs that trip naive parsers; the prefilter must stay sound. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void thePrefilterNeverHidesAMatchOfARandomRegex(long seed) {
    String[] fragments = {
      "a", "b", "ab", "ba", "c", "[ab]", "[^a]", "[]a]", "[a[b]]", "[|]", "[(]", ".", "\\.", "\\d", "\\b",
      "\\Qa|\\E", "(a|b)", "(?:ab)", "(?=a)", "(?<!b)", "^", "$", "|", "x", "\\|", "\\(", "\\x61", "\\p{L}",
      "(?<n>ab)", "(?>a|bc)", "((a|b)c|x)", "(a|)", "(?:[|)]a|b)", "(\\)|c)"};
    String[] quantifiers = {"", "", "", "?", "*", "+", "{2}", "{0,1}", "{1,}", "??", "*+"};
    Random random = new Random(seed);
    String alphabet = "abcx.|(\n ";
    int withPrefilter = 0;
    for (int r = 0; r < 400; r++) {
      StringBuilder regex = new StringBuilder();
      int atoms = 1 + random.nextInt(6);
      for (int k = 0; k < atoms; k++) {
        String fragment = fragments[random.nextInt(fragments.length)];
        regex.append(fragment);
        if (!fragment.equals("|") && !fragment.equals("^") && !fragment.equals("$")) {
          regex.append(quantifiers[random.nextInt(quantifiers.length)]);
        }
      }
      Pattern pattern;
      try {
        pattern = Pattern.compile(regex.toString(), Pattern.MULTILINE);
      } catch (java.util.regex.PatternSyntaxException e) {
        continue;
      }
      LiteralPrefilter prefilter = LiteralPrefilter.of(pattern);
      if (prefilter == null) {
        continue;
      }
      withPrefilter++;
      for (int i = 0; i < 2_000; i++) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10);
        for (int k = 0; k < length; k++) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String t = text.toString();
        if (pattern.matcher(t).find()) {
          assertThat(prefilter.mayMatch(latin1(t)))
              .as("%s (literals %s) matches '%s'", regex, prefilter.literals(), t).isTrue();
        }
      }
    }
    assertThat(withPrefilter).as("random regexes that got a prefilter").isGreaterThan(50);
  }

  private static List<String> literals(String regex) {
    return literals(regex, 0);
  }

  private static List<String> literals(String regex, int flags) {
    LiteralPrefilter prefilter = LiteralPrefilter.of(Pattern.compile(regex, flags));
    assertThat(prefilter).as("a prefilter for %s", regex).isNotNull();
    return prefilter.literals();
  }

  private static String latin1(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
