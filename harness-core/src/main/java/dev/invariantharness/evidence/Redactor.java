package dev.invariantharness.evidence;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.internal.AuthTokens;
import dev.invariantharness.evidence.internal.JsonFields;
import dev.invariantharness.evidence.internal.LiteralSecrets;
import dev.invariantharness.evidence.internal.PemBlocks;
import dev.invariantharness.evidence.internal.RedactionRule;
import dev.invariantharness.evidence.internal.SensitiveNames;
import dev.invariantharness.evidence.internal.SensitivePairs;
import dev.invariantharness.evidence.internal.TextFacts;
import dev.invariantharness.evidence.internal.UrlPasswords;
import dev.invariantharness.evidence.internal.UserPatterns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * Replaces secrets in text with {@value #MARKER} before anything reaches a report or an evidence
 * file. Immutable and thread-safe; {@code with...} methods return a new redactor.
 *
 * <pre>{@code
 * Redactor redactor = Redactor.defaults()
 *     .withPattern(Pattern.compile("sk_live_[A-Za-z0-9]+"))
 *     .withSecret(System.getenv("RUNTIME_ADMIN_TOKEN"));
 * redactor.redactUri("wss://khala.test/sync/socket/websocket?token=eyJhbGci...&vsn=2.0.0");
 * // wss://khala.test/sync/socket/websocket?token=[REDACTED]&vsn=2.0.0
 * }</pre>
 *
 * <p>Rules, applied in this order (names compared case-insensitively, ignoring {@code _ - .}):
 * <ol>
 *   <li><b>Known secrets</b>: the values of the redactor's {@link KnownSecrets} scope
 *       ({@link #withKnownSecrets}, by default {@link KnownSecrets#processWide()}) at the time of
 *       the call, also URL-encoded and JSON-escaped.
 *   <li><b>Configured secrets</b> ({@link #withSecret}): every occurrence of the literal value,
 *       also URL-encoded and JSON-escaped.
 *   <li><b>User patterns</b> ({@link #withPattern}): group 1 if the pattern has a group, else the
 *       whole match.
 *   <li><b>PEM private keys</b>: the body of {@code -----BEGIN ... PRIVATE KEY-----} blocks; an
 *       unterminated block to the end of the text.
 *   <li><b>JSON fields</b> whose name contains {@code token}, {@code secret}, {@code password},
 *       {@code passwd}, {@code passphrase}, {@code api_key}/{@code apikey},
 *       {@code authorization}, {@code cookie}, {@code credential} or {@code private_key}: string,
 *       number, boolean, object and array values, in compact or pretty JSON and in JSON escaped
 *       inside JSON strings. Strings keep their quotes, other values become
 *       {@code "[REDACTED]"}, {@code null} is kept.
 *   <li><b>URL passwords</b>: {@code scheme://user:password@host} keeps the user.
 *   <li><b>Bearer and Basic credentials</b> anywhere in text: {@code Bearer [REDACTED]}. After
 *       "Basic" only an encoded-looking word is redacted, since "Basic" is also English.
 *   <li><b>Pairs</b> in query strings, form bodies, logs and YAML: {@code name=value} where the
 *       name is one of the JSON names above or contains {@code signature}, or is exactly
 *       {@code key}, {@code sig}, {@code pwd}, {@code pass}, {@code jsessionid},
 *       {@code sessionid}; {@code name: value} for the same names except the exact ones; and
 *       header lines of {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 *       {@code Set-Cookie}, {@code X-Api-Key}, {@code X-Auth-Token}, whose value is redacted to
 *       the end of the line (Authorization keeps a known scheme word).
 * </ol>
 *
 * <p>Header maps ({@link #redactHeaders}) redact every value of those six headers and of any
 * header whose name contains one of the JSON names above or {@code signature}
 * ({@code X-Session-Token}, {@code X-Client-Secret}), and run the text rules over other values.
 *
 * <p>Guarantees: redaction is idempotent ({@code redact(redact(x)).equals(redact(x))}) and the
 * built-in rules run in time linear in the input, with no backtracking blow-up on hostile input
 * (user patterns run as given). Redaction errs towards hiding too much: an unterminated value is
 * redacted to the end of its line or text. Known limits: a password written unencoded in free
 * text is only redacted up to the first space, comma, semicolon, quote, backslash or {@code &};
 * secrets in fields with innocent names (a HAR {@code {"name":"session","value":...}}) need
 * {@link #withSecret} or {@link #withPattern}.
 */
@API(status = STABLE, since = "0.1")
public final class Redactor {

  /** What every redacted value is replaced with. */
  public static final String MARKER = RedactionRule.MARKER;

  /** Configured secrets shorter than this are ignored: they would redact ordinary words. */
  public static final int MIN_SECRET_LENGTH = 4;

  private static final List<RedactionRule> BUILT_IN = List.of(
      new PemBlocks(), new JsonFields(), new UrlPasswords(), new AuthTokens(), new SensitivePairs());

  private static final Redactor DEFAULTS = new Redactor(List.of(), List.of(), true, KnownSecrets.processWide());

  private final List<String> secrets;
  private final List<Pattern> patterns;
  private final List<RedactionRule> rules;
  private final boolean builtIn;
  private final KnownSecrets known;

  private Redactor(List<String> secrets, List<Pattern> patterns, boolean builtIn, KnownSecrets known) {
    this.builtIn = builtIn;
    this.known = known;
    this.secrets = List.copyOf(secrets);
    this.patterns = List.copyOf(patterns);
    List<RedactionRule> all = new ArrayList<>();
    if (!secrets.isEmpty()) {
      all.add(new LiteralSecrets(this.secrets));
    }
    if (!patterns.isEmpty()) {
      all.add(new UserPatterns(this.patterns));
    }
    if (builtIn) {
      all.addAll(BUILT_IN);
    }
    this.rules = List.copyOf(all);
  }

  /**
   * Only this redactor's configured secrets and patterns, without the built-in rules: a cheap
   * last pass over large texts assembled from parts that were each redacted in full already,
   * such as rendered reports.
   */
  public Redactor configuredOnly() {
    return new Redactor(secrets, patterns, false, known);
  }

  /** The built-in rules only, bound to {@link KnownSecrets#processWide()}. */
  public static Redactor defaults() {
    return DEFAULTS;
  }

  /**
   * This redactor bound to {@code scope} instead of the scope it consulted so far (at first
   * {@link KnownSecrets#processWide()}): every value added to {@code scope}, also after this
   * call, is redacted, and values known only to other scopes are not. A run binds its redactors
   * to its own scope so that what one run or test learnt never decides what another prints.
   *
   * <pre>{@code
   * KnownSecrets run = KnownSecrets.create();
   * Redactor redactor = Redactor.defaults().withKnownSecrets(run);
   * }</pre>
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Redactor withKnownSecrets(KnownSecrets scope) {
    Objects.requireNonNull(scope, "scope");
    return new Redactor(secrets, patterns, builtIn, scope);
  }

  /**
   * This redactor plus a user pattern: what group 1 matches is redacted if the pattern has a
   * group, else the whole match. Patterns run before the built-in rules.
   */
  public Redactor withPattern(Pattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    List<Pattern> more = new ArrayList<>(patterns);
    more.add(pattern);
    return new Redactor(secrets, more, builtIn, known);
  }

  /**
   * {@link #withPattern(Pattern)} for a pattern from configuration.
   *
   * @throws HarnessInputException naming the pattern if it is not a valid regular expression
   */
  public Redactor withPattern(String regex) {
    Objects.requireNonNull(regex, "regex");
    try {
      return withPattern(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new HarnessInputException(
          "redaction pattern /" + regex + "/", -1, "not a valid regular expression: " + e.getDescription(), e);
    }
  }

  /**
   * This redactor plus a known secret value, such as a configured token: every occurrence is
   * redacted, also URL-encoded or JSON-escaped. {@code null}, blank values and values shorter than
   * {@value #MIN_SECRET_LENGTH} characters are ignored (this redactor is returned), since they
   * would redact ordinary text.
   */
  public Redactor withSecret(String literal) {
    if (literal == null || literal.isBlank() || literal.length() < MIN_SECRET_LENGTH
        || secrets.contains(literal)) {
      return this;
    }
    List<String> more = new ArrayList<>(secrets);
    more.add(literal);
    return new Redactor(more, patterns, builtIn, known);
  }

  /** {@code text} with every secret replaced by {@value #MARKER}; {@code null} stays {@code null}. */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = known.redact(text);
    TextFacts facts = new TextFacts(result);
    for (RedactionRule rule : rules) {
      if (rule.mayApply(facts)) {
        result = rule.apply(result);
      }
    }
    return result;
  }

  /**
   * A URI with its user password and secret query or fragment parameters redacted:
   * {@code ?token=abc&vsn=2.0.0} becomes {@code ?token=[REDACTED]&vsn=2.0.0}. The same rules as
   * {@link #redact}, named for intent; {@code null} stays {@code null}.
   */
  public String redactUri(String uri) {
    return redact(uri);
  }

  /**
   * A new header map, in the same order, with credential headers redacted whole (Authorization
   * keeps a known scheme: {@code Bearer [REDACTED]}) and the text rules applied to every other
   * value and to names. Null names and values are dropped; names that become equal after
   * redaction are merged. {@code null} gives an empty map.
   */
  public Map<String, List<String>> redactHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (headers == null) {
      return result;
    }
    headers.forEach((name, values) -> {
      if (name == null) {
        return;
      }
      boolean whole = SensitiveNames.isSensitiveHeader(name);
      boolean authorization = SensitiveNames.isAuthorizationHeader(name);
      List<String> redacted = result.computeIfAbsent(redact(name), k -> new ArrayList<>());
      if (values == null) {
        return;
      }
      for (String value : values) {
        if (value != null) {
          redacted.add(whole ? redactWhole(value, authorization) : redact(value));
        }
      }
    });
    result.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return result;
  }

  private static String redactWhole(String value, boolean authorization) {
    if (value.isEmpty()) {
      return value;
    }
    if (authorization) {
      String trimmed = value.strip();
      int space = trimmed.indexOf(' ');
      if (space > 0 && AuthTokens.isKnownScheme(trimmed.substring(0, space))) {
        return trimmed.substring(0, space) + " " + MARKER;
      }
    }
    return MARKER;
  }

  /** Counts only: a redactor's secrets must not leak through logging it. */
  @Override
  public String toString() {
    return "Redactor[" + secrets.size() + " configured secret(s), " + patterns.size() + " user pattern(s)]";
  }
}
