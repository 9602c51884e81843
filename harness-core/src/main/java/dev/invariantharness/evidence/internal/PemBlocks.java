package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Redacts the body of PEM private key blocks ({@code -----BEGIN RSA PRIVATE KEY-----},
 * {@code EC}, {@code OPENSSH}, {@code ENCRYPTED}, PGP {@code PRIVATE KEY BLOCK}), keeping the
 * BEGIN and END lines. A block without an END line is redacted to the end of the text, since a
 * truncated key is still a secret. The marker replaces the body without line breaks, so a key
 * embedded in a JSON string stays valid JSON.
 */
@API(status = INTERNAL, since = "0.1")
public final class PemBlocks implements RedactionRule {

  private static final Pattern BEGIN =
      Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----");
  private static final String END = "-----END ";
  private static final int MAX_END_LINE = 80;

  @Override
  public boolean mayApply(TextFacts facts) {
    return facts.lower().contains("-----begin ");
  }

  @Override
  public String apply(String text) {
    Matcher m = BEGIN.matcher(text);
    Splicer out = null;
    int from = 0;
    while (m.find(from)) {
      int bodyStart = m.end();
      int bodyEnd = text.indexOf(END, bodyStart);
      int next;
      if (bodyEnd < 0) {
        bodyEnd = text.length();
        next = bodyEnd;
      } else {
        int close = text.indexOf("-----", bodyEnd + END.length());
        next = close >= 0 && close - bodyEnd <= MAX_END_LINE ? close + 5 : bodyEnd + END.length();
      }
      if (out == null) {
        out = new Splicer(text);
      }
      out.replace(bodyStart, bodyEnd, MARKER);
      from = next;
    }
    return out == null ? text : out.result();
  }
}
