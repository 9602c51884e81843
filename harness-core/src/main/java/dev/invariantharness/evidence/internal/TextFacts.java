package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Forms of one text that several rules' pre-checks need, each computed at most once per
 * redaction. Pre-checks may look at the original text even after earlier rules rewrote it:
 * rules only ever insert the marker, which contains no trigger word.
 */
@API(status = INTERNAL, since = "0.1")
public final class TextFacts {

  private final String text;
  private String lower;
  private String normalised;

  public TextFacts(String text) {
    this.text = text;
  }

  /** The text lower-cased. */
  public String lower() {
    if (lower == null) {
      lower = text.toLowerCase(Locale.ROOT);
    }
    return lower;
  }

  /** The text lower-cased without {@code _ - .} and spaces, as names are compared. */
  public String normalised() {
    if (normalised == null) {
      normalised = SensitiveNames.normalise(text);
    }
    return normalised;
  }
}
