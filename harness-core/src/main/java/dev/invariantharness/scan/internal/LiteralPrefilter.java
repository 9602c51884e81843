package dev.invariantharness.scan.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition for a regex to match: literals of which every match must contain
 * one. Most files hold none, so the scan skips decoding and the regex for them, as grep's
 * literal search does.
 *
 * <p>The pattern is split at its top-level {@code |}; from each branch the most selective
 * requirement is taken: a run of literal characters every match contains ({@code ventSource}
 * from {@code [Ee]ventSource}), or the alternatives of a group that must occur
 * ({@code SSE}, {@code poll} from {@code \b(?:SSE|poll)\b}). Derived conservatively: an atom
 * made optional by a quantifier ends a run without joining it, classes and groups end runs,
 * lookarounds count for nothing, and anything not understood (inline flags,
 * case-insensitivity, comments mode, escapes such as {@code \p{..}} or back references) ends
 * the branch's reading there or gives no prefilter at all, in which case the regex runs on
 * every file.
 *
 * <p>Case is folded where the pattern folds it, as grep's "must" strings are: a class of one
 * ASCII letter in both cases ({@code [Ss]}) reads as that letter, and a {@code CASE_INSENSITIVE}
 * pattern (ASCII folding, also as a leading {@code (?i)}) reads as written; the literals are then
 * searched lower-cased in a lower-cased view, so {@code [Ss][Ss][Ee]|[Ee]vent[Ss]ource|[Pp]oll}
 * needs three searches ({@code sse}, {@code eventsource}, {@code poll}) instead of the regex over
 * every byte.
 *
 * <p>Literals are searched as UTF-8 bytes in a Latin-1 view of the file (one char per byte),
 * where {@link String#indexOf(String)} is a JVM intrinsic. A literal found in the decoded text
 * is also in the raw bytes, unless it contains the replacement character; such literals are
 * not used.
 */
final class LiteralPrefilter {

  private static final int MAX_LITERALS = 16;
  private static final int UNSAFE_FLAGS = Pattern.COMMENTS | Pattern.CANON_EQ | Pattern.UNICODE_CASE;
  /** Escapes of one letter that match one character or are zero-width. */
  private static final String SIMPLE_ESCAPES = "dDsSwWhHvVRXbBAGZztnrfae";

  private final String[] literals; // UTF-8 bytes as Latin-1 chars; lower case when folded
  private final boolean folded;

  private LiteralPrefilter(List<String> literals, boolean folded) {
    this.literals = literals.stream()
        .map(l -> new String(l.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
        .map(l -> folded ? l.toLowerCase(Locale.ROOT) : l)
        .toArray(String[]::new);
    this.folded = folded;
  }

  /** How a pattern is read: whether case-pair classes may fold, and whether any did. */
  private static final class Reading {
    boolean mayFold;
    boolean folded;

    Reading(boolean mayFold, boolean folded) {
      this.mayFold = mayFold;
      this.folded = folded;
    }
  }

  /** The prefilter for {@code pattern}, or {@code null} when none can be derived safely. */
  static LiteralPrefilter of(Pattern pattern) {
    if ((pattern.flags() & UNSAFE_FLAGS) != 0) {
      return null;
    }
    String regex = pattern.pattern();
    boolean insensitive = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
    if ((pattern.flags() & Pattern.LITERAL) == 0 && regex.startsWith("(?i)")) {
      insensitive = true;
      regex = regex.substring(4);
    }
    List<String> literals;
    Reading reading = new Reading(false, insensitive);
    if ((pattern.flags() & Pattern.LITERAL) != 0) {
      literals = List.of(regex);
    } else if (hasInlineFlags(regex)) {
      literals = null;
    } else {
      literals = alternatives(regex, reading);
      // Searching case-sensitively needs no lower-cased copy of each file: fold only when that
      // reading gives no literal or only short ones ([Ss][Ss][Ee] has none at all).
      if (!insensitive && (literals == null || literals.stream().anyMatch(l -> l.length() < 3))) {
        Reading folding = new Reading(true, false);
        List<String> folded = alternatives(regex, folding);
        if (folded != null && folding.folded) {
          literals = folded;
          reading = folding;
        }
      }
    }
    if (literals == null
        || literals.stream().anyMatch(l -> l.isEmpty() || l.indexOf('\uFFFD') >= 0)) {
      return null;
    }
    // Folding is ASCII-only (as CASE_INSENSITIVE without UNICODE_CASE is): a literal with other
    // characters could be spelled in a case the lower-cased view does not show.
    if (reading.folded && literals.stream().anyMatch(l -> !l.chars().allMatch(c -> c < 0x80))) {
      return null;
    }
    return new LiteralPrefilter(literals, reading.folded);
  }

  /** The literals, as UTF-8 bytes in Latin-1 chars. */
  List<String> literals() {
    return List.of(literals);
  }

  /** Whether the file, as a Latin-1 view of its bytes, contains any of the literals. */
  boolean mayMatch(String latin1) {
    // Lower-casing Latin-1 maps A-Z to a-z and never makes or unmakes another ASCII letter.
    String view = folded ? latin1.toLowerCase(Locale.ROOT) : latin1;
    for (String literal : literals) {
      if (view.indexOf(literal) >= 0) {
        return true;
      }
    }
    return false;
  }

  // "(?i)", "(?-s:...)" and the like change how the following text matches.
  private static boolean hasInlineFlags(String regex) {
    for (int i = regex.indexOf("(?"); i >= 0; i = regex.indexOf("(?", i + 1)) {
      if (i + 2 < regex.length() && "idmsuxUc-".indexOf(regex.charAt(i + 2)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Splits at '|' outside groups, classes and quotes; {@code null} when it cannot tell. */
  private static List<String> topLevelBranches(String regex) {
    List<String> branches = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == '|') {
        branches.add(regex.substring(start, i));
        start = ++i;
        continue;
      }
      int next = skipAtom(regex, i);
      if (next < 0) {
        return null;
      }
      i = next;
    }
    branches.add(regex.substring(start));
    return branches;
  }

  /**
   * The index after the atom at {@code i} (a character, an escape, a quote, a class or a
   * group, not its quantifier), or -1 when malformed or not understood.
   */
  private static int skipAtom(String s, int i) {
    char c = s.charAt(i);
    if (c == '\\') {
      if (i + 1 >= s.length()) {
        return -1;
      }
      if (s.charAt(i + 1) == 'Q') {
        int end = s.indexOf("\\E", i + 2);
        return end < 0 ? s.length() : end + 2;
      }
      return i + 2;
    }
    if (c == '[') {
      return skipClass(s, i);
    }
    if (c == '(') {
      int j = i + 1;
      while (j < s.length() && s.charAt(j) != ')') {
        if (s.charAt(j) == '|') {
          j++;
          continue;
        }
        j = skipAtom(s, j);
        if (j < 0) {
          return -1;
        }
      }
      return j < s.length() ? j + 1 : -1;
    }
    if (c == ')') {
      return -1;
    }
    return i + Character.charCount(s.codePointAt(i));
  }

  // Java's class syntax: a ']' first (after an optional '^') is a member, '[' nests, \Q..\E quotes.
  private static int skipClass(String s, int i) {
    int j = i + 1;
    if (j < s.length() && s.charAt(j) == '^') {
      j++;
    }
    if (j < s.length() && s.charAt(j) == ']') {
      j++;
    }
    while (j < s.length()) {
      char c = s.charAt(j);
      if (c == '\\') {
        if (j + 1 < s.length() && s.charAt(j + 1) == 'Q') {
          int end = s.indexOf("\\E", j + 2);
          if (end < 0) {
            return -1;
          }
          j = end + 2;
        } else {
          j += 2;
        }
      } else if (c == '[') {
        j = skipClass(s, j);
        if (j < 0) {
          return -1;
        }
      } else if (c == ']') {
        return j + 1;
      } else {
        j++;
      }
    }
    return -1;
  }

  /**
   * Literals one of which every match of the alternation {@code regex} contains: the union of
   * its branches' sets; {@code null} when some branch has none or there are too many.
   */
  private static List<String> alternatives(String regex, Reading reading) {
    List<String> branches = topLevelBranches(regex);
    if (branches == null) {
      return null;
    }
    List<String> all = new ArrayList<>();
    for (String branch : branches) {
      List<String> set = requiredSet(branch, reading);
      if (set == null) {
        return null;
      }
      all.addAll(set);
      if (all.size() > MAX_LITERALS) {
        return null;
      }
    }
    return all;
  }

  /**
   * The most selective set of literals one of which every match of {@code branch} (a sequence
   * without top-level '|') contains: a run of literal characters, or the alternatives of a
   * group that must occur; {@code null} when there is none.
   */
  private static List<String> requiredSet(String branch, Reading reading) {
    List<String> best = null;
    StringBuilder run = new StringBuilder();
    int i = 0;
    while (i < branch.length()) {
      char c = branch.charAt(i);
      String literal = null; // the atom's text when it is literal
      String groupBody = null; // the alternation inside a capturing or non-capturing group
      int next;
      if (c == '\\') {
        char e = i + 1 < branch.length() ? branch.charAt(i + 1) : 0;
        if (e == 'Q') {
          int end = branch.indexOf("\\E", i + 2);
          literal = end < 0 ? branch.substring(i + 2) : branch.substring(i + 2, end);
          next = end < 0 ? branch.length() : end + 2;
        } else if (e != 0 && !Character.isLetterOrDigit(e)) {
          literal = String.valueOf(e);
          next = i + 2;
        } else if (e != 0 && SIMPLE_ESCAPES.indexOf(e) >= 0) {
          next = i + 2;
        } else {
          break; // \p{..}, \x.., unicode escapes, \k<..>, back references: stop reading here
        }
      } else if (c == '[' || c == '(') {
        next = skipAtom(branch, i);
        if (next < 0) {
          break;
        }
        if (c == '(') {
          groupBody = groupBody(branch.substring(i, next));
        } else {
          literal = reading.mayFold ? caseFoldedLetter(branch.substring(i, next)) : null;
          if (literal != null) {
            reading.folded = true;
          }
        }
      } else if (".^$".indexOf(c) >= 0) {
        next = i + 1;
      } else if ("*+?{)".indexOf(c) >= 0) {
        break; // a quantifier without an atom: not understood
      } else {
        next = i + Character.charCount(branch.codePointAt(i));
        literal = branch.substring(i, next);
      }
      int min = 1; // how often the atom must occur, from its quantifier
      boolean repeats = false;
      if (next < branch.length()) {
        char q = branch.charAt(next);
        if (q == '?' || q == '*') {
          min = 0;
          next++;
        } else if (q == '+') {
          repeats = true;
          next++;
        } else if (q == '{') {
          int close = branch.indexOf('}', next);
          if (close < 0) {
            break;
          }
          String bounds = branch.substring(next + 1, close);
          String low = bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds;
          if (!low.matches("\\d+")) {
            break;
          }
          min = low.length() > 6 ? 2 : Integer.parseInt(low);
          repeats = !bounds.equals("1") && !bounds.equals("1,1");
          next = close + 1;
        }
        if (min != 1 || repeats) {
          // skip a lazy or possessive modifier
          if (next < branch.length() && (branch.charAt(next) == '?' || branch.charAt(next) == '+')) {
            next++;
          }
        }
      }
      if (literal != null && min > 0) {
        run.append(literal);
        if (min > 1 || repeats) {
          // what follows is another copy of the atom, not the next text: the run ends here
          best = better(best, run);
          run.setLength(0);
        }
      } else {
        best = better(best, run);
        run.setLength(0);
        if (groupBody != null && min > 0) {
          List<String> inner = alternatives(groupBody, reading);
          if (inner != null) {
            best = better(best, inner);
          }
        }
      }
      i = next;
    }
    return better(best, run);
  }

  /** {@code s} for {@code [Ss]} or {@code [sS]}: one ASCII letter in both cases; else null. */
  private static String caseFoldedLetter(String cls) {
    if (cls.length() != 4) {
      return null;
    }
    char a = cls.charAt(1);
    char b = cls.charAt(2);
    boolean letters = a < 0x80 && b < 0x80 && Character.isLetter(a) && Character.isLetter(b);
    return letters && a != b && Character.toLowerCase(a) == Character.toLowerCase(b)
        ? String.valueOf(Character.toLowerCase(a)) : null;
  }

  /**
   * The alternation inside {@code (...)}, {@code (?:...)}, {@code (?<name>...)} or
   * {@code (?>...)}; {@code null} for lookarounds, whose text is not part of the match.
   */
  private static String groupBody(String group) {
    String body = group.substring(1, group.length() - 1);
    if (!body.startsWith("?")) {
      return body;
    }
    if (body.startsWith("?:") || body.startsWith("?>")) {
      return body.substring(2);
    }
    if (body.startsWith("?<") && body.length() > 2 && body.charAt(2) != '=' && body.charAt(2) != '!') {
      int close = body.indexOf('>');
      return close < 0 ? null : body.substring(close + 1);
    }
    return null;
  }

  private static List<String> better(List<String> best, CharSequence run) {
    return run.length() == 0 ? best : better(best, List.of(run.toString()));
  }

  // Longer shortest literal first (fewer false candidates), then fewer literals.
  private static List<String> better(List<String> best, List<String> candidate) {
    if (best == null) {
      return candidate;
    }
    int bestMin = best.stream().mapToInt(String::length).min().orElse(0);
    int candidateMin = candidate.stream().mapToInt(String::length).min().orElse(0);
    if (candidateMin != bestMin) {
      return candidateMin > bestMin ? candidate : best;
    }
    return candidate.size() < best.size() ? candidate : best;
  }
}
