package dev.invariantharness.scan.internal;

/**
 * A byte-for-byte port of git's {@code wildmatch.c} (the matcher behind {@code .gitignore}),
 * so that the scan ignores exactly what git ignores, including git's quirks.
 *
 * <p>Both pattern and text are UTF-8 bytes followed by a single {@code 0} sentinel, as in C;
 * git compares bytes, so {@code ?} matches one byte, not one Java {@code char}.
 */
final class Wildmatch {

  private static final int MATCH = 0;
  private static final int NOMATCH = 1;
  private static final int ABORT_ALL = -1;
  private static final int ABORT_TO_STARSTAR = -2;

  private Wildmatch() {}

  /**
   * Whether {@code text[t..]} matches {@code pattern[p..]}; both arrays end with a {@code 0}.
   *
   * @param pathname git's {@code WM_PATHNAME}: wildcards other than {@code **} stop at '/'
   */
  static boolean matches(byte[] pattern, int p, byte[] text, int t, boolean pathname) {
    return dowild(pattern, p, p, text, t, pathname) == MATCH;
  }

  private static int dowild(byte[] pat, int patStart, int p, byte[] text, int t, boolean pathname) {
    int pCh;
    for (; (pCh = pat[p] & 0xff) != 0; t++, p++) {
      int tCh = text[t] & 0xff;
      if (tCh == 0 && pCh != '*') {
        return ABORT_ALL;
      }
      switch (pCh) {
        case '\\':
          // Literal match with the following byte; a trailing '\' compares against the sentinel.
          pCh = pat[++p] & 0xff;
          if (tCh != pCh) {
            return NOMATCH;
          }
          continue;
        case '?':
          if (pathname && tCh == '/') {
            return NOMATCH;
          }
          continue;
        case '*': {
          boolean matchSlash;
          if ((pat[++p] & 0xff) == '*') {
            int prevP = p - 2;
            while ((pat[++p] & 0xff) == '*') {
              // skip the run of asterisks
            }
            if ((prevP < patStart || pat[prevP] == '/')
                && (pat[p] == 0 || pat[p] == '/' || (pat[p] == '\\' && pat[p + 1] == '/'))) {
              // "**/" may match no directory at all: try the rest of the pattern right here.
              if (pat[p] == '/' && dowild(pat, patStart, p + 1, text, t, pathname) == MATCH) {
                return MATCH;
              }
              matchSlash = true;
            } else {
              matchSlash = false;
            }
          } else {
            matchSlash = !pathname;
          }
          if (pat[p] == 0) {
            // Trailing "**" matches everything; trailing "*" only if no '/' remains.
            if (!matchSlash && indexOf(text, t, '/') >= 0) {
              return NOMATCH;
            }
            return MATCH;
          } else if (!matchSlash && pat[p] == '/') {
            // One asterisk followed by a slash matches the next directory name.
            int slash = indexOf(text, t, '/');
            if (slash < 0) {
              return NOMATCH;
            }
            t = slash;
            // the slash itself is consumed by the loop's increment ('/' == '/')
            break;
          }
          while (true) {
            if (tCh == 0) {
              break;
            }
            if (!isGlobSpecial(pat[p] & 0xff)) {
              // Advance quickly to the next occurrence of the literal that follows '*'.
              int lit = pat[p] & 0xff;
              while ((tCh = text[t] & 0xff) != 0 && (matchSlash || tCh != '/')) {
                if (tCh == lit) {
                  break;
                }
                t++;
              }
              if (tCh != lit) {
                return NOMATCH;
              }
            }
            int matched = dowild(pat, patStart, p, text, t, pathname);
            if (matched != NOMATCH) {
              if (!matchSlash || matched != ABORT_TO_STARSTAR) {
                return matched;
              }
            } else if (!matchSlash && tCh == '/') {
              return ABORT_TO_STARSTAR;
            }
            tCh = text[++t] & 0xff;
          }
          return ABORT_ALL;
        }
        case '[': {
          pCh = pat[++p] & 0xff;
          if (pCh == '^') {
            pCh = '!';
          }
          boolean negated = pCh == '!';
          if (negated) {
            pCh = pat[++p] & 0xff;
          }
          int prevCh = 0;
          boolean matched = false;
          do {
            if (pCh == 0) {
              return ABORT_ALL;
            }
            if (pCh == '\\') {
              pCh = pat[++p] & 0xff;
              if (pCh == 0) {
                return ABORT_ALL;
              }
              if (tCh == pCh) {
                matched = true;
              }
            } else if (pCh == '-' && prevCh != 0 && pat[p + 1] != 0 && pat[p + 1] != ']') {
              pCh = pat[++p] & 0xff;
              if (pCh == '\\') {
                pCh = pat[++p] & 0xff;
                if (pCh == 0) {
                  return ABORT_ALL;
                }
              }
              if (tCh <= pCh && tCh >= prevCh) {
                matched = true;
              }
              pCh = 0; // so that prevCh becomes 0: no range may start here
            } else if (pCh == '[' && pat[p + 1] == ':') {
              int s = p += 2;
              while ((pCh = pat[p] & 0xff) != 0 && pCh != ']') {
                p++;
              }
              if (pCh == 0) {
                return ABORT_ALL;
              }
              int len = p - s - 1;
              if (len < 0 || pat[p - 1] != ':') {
                // No ":]": treat the '[' as an ordinary member of the set.
                p = s - 2;
                pCh = '[';
                if (tCh == pCh) {
                  matched = true;
                }
                continue;
              }
              int cls = charClass(pat, s, len);
              if (cls < 0) {
                return ABORT_ALL;
              }
              if (inClass(cls, tCh)) {
                matched = true;
              }
              pCh = 0;
            } else if (tCh == pCh) {
              matched = true;
            }
          } while (advance(prevCh = pCh) && (pCh = pat[++p] & 0xff) != ']');
          if (matched == negated || (pathname && tCh == '/')) {
            return NOMATCH;
          }
          continue;
        }
        default:
          if (tCh != pCh) {
            return NOMATCH;
          }
          continue;
      }
    }
    return text[t] != 0 ? NOMATCH : MATCH;
  }

  /** Lets the C comma expression {@code (prev_ch = p_ch, ...)} read naturally in the loop test. */
  private static boolean advance(int ignored) {
    return true;
  }

  private static int indexOf(byte[] text, int from, int b) {
    for (int i = from; text[i] != 0; i++) {
      if (text[i] == b) {
        return i;
      }
    }
    return -1;
  }

  static boolean isGlobSpecial(int c) {
    return c == '*' || c == '?' || c == '[' || c == '\\';
  }

  private static final String[] CLASSES = {
    "alnum", "alpha", "blank", "cntrl", "digit", "graph",
    "lower", "print", "punct", "space", "upper", "xdigit"
  };

  private static int charClass(byte[] pat, int s, int len) {
    outer:
    for (int i = 0; i < CLASSES.length; i++) {
      String name = CLASSES[i];
      if (name.length() != len) {
        continue;
      }
      for (int k = 0; k < len; k++) {
        if (pat[s + k] != name.charAt(k)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // git's own ctype (git-compat-util.h), ASCII only: space is " \t\n\r", not \v or \f.
  private static boolean inClass(int cls, int c) {
    if (c >= 0x80) {
      return false;
    }
    boolean upper = c >= 'A' && c <= 'Z';
    boolean lower = c >= 'a' && c <= 'z';
    boolean digit = c >= '0' && c <= '9';
    switch (cls) {
      case 0: return upper || lower || digit;
      case 1: return upper || lower;
      case 2: return c == ' ' || c == '\t';
      case 3: return c < 0x20 || c == 0x7f;
      case 4: return digit;
      case 5: return c > 0x20 && c < 0x7f;
      case 6: return lower;
      case 7: return c >= 0x20 && c <= 0x7e;
      case 8: return c > 0x20 && c < 0x7f && !(upper || lower || digit);
      case 9: return c == ' ' || c == '\t' || c == '\n' || c == '\r';
      case 10: return upper;
      case 11: return digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      default: return false;
    }
  }
}
