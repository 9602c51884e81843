package dev.invariantharness.config;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.evidence.KnownSecrets;
import dev.invariantharness.evidence.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The harness's settings, looked up in one documented order:
 *
 * <ol>
 *   <li>JUnit configuration parameters: launcher parameters, then JVM system properties
 *       ({@code -D} on Surefire's {@code argLine} or {@code systemPropertyVariables}), then
 *       {@code junit-platform.properties} — JUnit's own order;
 *   <li>JVM system properties (when the harness runs outside a launcher, e.g. the merge CLI), by
 *       the key, then by the validation matrix script's own names
 *       ({@code mvn verify -DFAIL_ON_REQUIRED_FAILURE=0} reaches the test JVMs this way);
 *   <li>environment variables: the key upper-cased with {@code .} and {@code -} turned into
 *       {@code _} ({@code invariant.harness.timeout.default} → {@code INVARIANT_HARNESS_TIMEOUT_DEFAULT}),
 *       then the validation matrix script's own names where one exists
 *       ({@code FAIL_ON_REQUIRED_FAILURE}, {@code STAGING_CONTROL_BASE_URL}, ...).
 * </ol>
 *
 * <p>Injected into any {@code @InvariantTest} method or fixture:
 *
 * <pre>{@code
 * @Test @Verifies("INV-02")
 * void mutationsAreHttpOnly(HarnessConfiguration config) {
 *   URI control = config.baseUrl("control");          // for the selected environment
 *   Duration limit = config.timeout("http");          // bounded wait
 * }
 * }</pre>
 *
 * <p>Missing required configuration is a {@link HarnessInputException} naming the key and its
 * environment-variable form.
 */
@API(status = STABLE, since = "0.1")
public final class HarnessConfiguration {

  /** Prefix of every key. */
  public static final String PREFIX = "invariant.harness.";
  /** {@code 1} gating (default), {@code 0} baseline. Env alias {@code FAIL_ON_REQUIRED_FAILURE}. */
  public static final String FAIL_ON_REQUIRED_FAILURE = PREFIX + "fail-on-required-failure";
  /** Selected environment for base URLs, e.g. {@code local}, {@code staging}, {@code prod}. */
  public static final String ENVIRONMENT = PREFIX + "environment";
  /**
   * Comma-separated environments a {@code @PerEnvironment} suite runs in, e.g. {@code staging,prod};
   * default: the one {@link #ENVIRONMENT}.
   */
  public static final String ENVIRONMENTS = PREFIX + "environments";
  /** Where reports go; default {@code target/invariant-reports}. */
  public static final String REPORT_DIR = PREFIX + "report.dir";
  /** {@code false} turns report writing off (the harness's own tests do). */
  public static final String REPORT_ENABLED = PREFIX + "report.enabled";
  /** A catalogue file that extends or replaces the default catalogue. */
  public static final String CATALOGUE = PREFIX + "catalogue";
  /** The mitigation file; default {@code invariant-mitigations.yaml} in the working directory, if present. */
  public static final String MITIGATIONS = PREFIX + "mitigations";
  /** Comma-separated extra redaction regexes. */
  public static final String REDACT_PATTERNS = PREFIX + "redact.patterns";
  /**
   * Whether an active invariant no check covers and none declares N/A blocks merge. Default
   * {@code true} in gating mode, {@code false} (a warning) in baseline mode.
   */
  public static final String REQUIRE_COVERAGE = PREFIX + "require-coverage";
  /** Run id shared by the forks of one build; derived automatically when absent. */
  public static final String RUN_ID = PREFIX + "run-id";
  /** The gate a run decides: {@code merge} (default) or {@code release}; the build fails when the decision blocks it. */
  public static final String GATE = PREFIX + "gate";
  /** Default bound for every wait, e.g. {@code 10s}, {@code 500ms}, {@code PT1M}; default 10s. */
  public static final String TIMEOUT_DEFAULT = PREFIX + "timeout.default";

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);
  private static final Pattern TARGET_KEY =
      Pattern.compile(Pattern.quote(PREFIX) + "target\\.([^.]+)\\.([^.]+)\\.(base-url|access-token)");
  private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|passwd|credential|api[_.-]?key).*");

  private final Function<String, Optional<String>> junitParameters;
  private final Map<String, String> systemProperties;
  private final Map<String, String> environmentVariables;
  private final KnownSecrets knownSecrets;

  private HarnessConfiguration(
      Function<String, Optional<String>> junitParameters,
      Map<String, String> systemProperties,
      Map<String, String> environmentVariables,
      KnownSecrets knownSecrets) {
    this.junitParameters = junitParameters;
    this.systemProperties = systemProperties;
    this.environmentVariables = environmentVariables;
    this.knownSecrets = knownSecrets;
  }

  /** Configuration over JUnit parameters, this JVM's system properties and environment. */
  public static HarnessConfiguration of(Function<String, Optional<String>> junitParameters) {
    Map<String, String> props = new TreeMap<>();
    System.getProperties().stringPropertyNames().forEach(k -> props.put(k, System.getProperty(k)));
    return new HarnessConfiguration(junitParameters, props, System.getenv(), KnownSecrets.create());
  }

  /** Configuration from explicit sources; for tests and tools. */
  public static HarnessConfiguration of(
      Map<String, String> junitParameters, Map<String, String> systemProperties, Map<String, String> environment) {
    Map<String, String> params = Map.copyOf(junitParameters);
    return new HarnessConfiguration(k -> Optional.ofNullable(params.get(k)), Map.copyOf(systemProperties), Map.copyOf(environment),
        KnownSecrets.create());
  }

  /** The value of {@code key}, from the first source that has it (blank counts as absent). */
  public Optional<String> get(String key) {
    Optional<String> v = junitParameters.apply(key).filter(s -> !s.isBlank());
    if (v.isPresent()) {
      return v;
    }
    String prop = systemProperties.get(key);
    if (prop != null && !prop.isBlank()) {
      return Optional.of(prop);
    }
    // The validation matrix script's names are accepted as system properties too: Maven hands
    // mvn verify -DFAIL_ON_REQUIRED_FAILURE=0 to the test JVMs as a system property of that name,
    // and the merge goal reads the same -D; ignoring it would gate a run meant as baseline.
    for (String name : scriptNames(key)) {
      String alias = systemProperties.get(name);
      if (alias != null && !alias.isBlank()) {
        return Optional.of(alias);
      }
    }
    for (String name : environmentNames(key)) {
      String env = environmentVariables.get(name);
      if (env != null && !env.isBlank()) {
        return Optional.of(env);
      }
    }
    return Optional.empty();
  }

  /**
   * The value of {@code key}.
   *
   * @throws HarnessInputException naming the key and its environment-variable form
   */
  public String require(String key) {
    return get(key).orElseThrow(() -> missing(key, "is required but not set"));
  }

  /** A boolean: {@code 1|true|yes|on} and {@code 0|false|no|off}; anything else is an error. */
  public boolean flag(String key, boolean defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    switch (v.get().trim().toLowerCase(Locale.ROOT)) {
      case "1": case "true": case "yes": case "on":
        return true;
      case "0": case "false": case "no": case "off":
        return false;
      default:
        throw new HarnessInputException(describe(key),
            "'" + v.get() + "' is not a boolean; use 1/true/yes/on or 0/false/no/off");
    }
  }

  /** The selected environment; default {@code local}. */
  public String environment() {
    return get(ENVIRONMENT).orElse("local");
  }

  /** The environments {@code @PerEnvironment} suites run in: {@link #ENVIRONMENTS}, else {@link #environment()}. */
  public List<String> environments() {
    List<String> out = new ArrayList<>();
    for (String e : get(ENVIRONMENTS).map(v -> v.split(",")).orElse(new String[] {environment()})) {
      if (!e.isBlank() && !out.contains(e.trim())) {
        out.add(e.trim());
      }
    }
    if (out.isEmpty()) {
      throw new HarnessInputException(describe(ENVIRONMENTS), "names no environment; use e.g. staging,prod");
    }
    return List.copyOf(out);
  }

  /** This configuration in {@code environment}: {@link #environment()}, base URLs and tokens of that environment. */
  public HarnessConfiguration withEnvironment(String environment) {
    Function<String, Optional<String>> base = junitParameters;
    return new HarnessConfiguration(k -> k.equals(ENVIRONMENT) ? Optional.of(environment) : base.apply(k),
        systemProperties, environmentVariables, knownSecrets);
  }

  /**
   * This configuration with {@link #secret} remembering values in {@code scope}: the scope of the
   * run it belongs to, so that the run's redactors (bound to the same scope) hide a secret from
   * the moment anything reads it. A configuration made by {@code of(...)} has a scope of its own.
   *
   * <pre>{@code
   * KnownSecrets run = KnownSecrets.create();
   * HarnessConfiguration config = HarnessConfiguration.of(params::get).withKnownSecrets(run);
   * Redactor redactor = Redactor.defaults().withKnownSecrets(run);
   * config.secret("invariant.harness.target.control.access-token");   // redactor now hides it
   * }</pre>
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public HarnessConfiguration withKnownSecrets(KnownSecrets scope) {
    Objects.requireNonNull(scope, "scope");
    return new HarnessConfiguration(junitParameters, systemProperties, environmentVariables, scope);
  }

  /** Where {@link #secret} remembers the values it reads; redactors of this configuration's run consult it. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public KnownSecrets knownSecrets() {
    return knownSecrets;
  }

  /** The report root; default {@code target/invariant-reports}. */
  public Path reportDirectory() {
    return Path.of(get(REPORT_DIR).orElse("target/invariant-reports"));
  }

  /**
   * The bound for waits of kind {@code name} ({@code invariant.harness.timeout.<name>}), else
   * {@code invariant.harness.timeout.default}, else 10 seconds.
   */
  public Duration timeout(String name) {
    String key = PREFIX + "timeout." + name;
    Optional<String> v = get(key);
    if (v.isPresent()) {
      return parseDuration(key, v.get());
    }
    return get(TIMEOUT_DEFAULT).map(d -> parseDuration(TIMEOUT_DEFAULT, d)).orElse(DEFAULT_TIMEOUT);
  }

  /** The service {@code name} as configured for the selected environment. */
  public Target target(String name) {
    return new Target(this, name);
  }

  /**
   * A whole number, or {@code defaultValue} when unset.
   *
   * @throws HarnessInputException naming the key when the value is not a whole number
   */
  public long number(String key, long defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.get().trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new HarnessInputException(describe(key), "'" + v.get() + "' is not a whole number");
    }
  }

  /**
   * A whole number of at least {@code min} that fits an {@code int}, or {@code defaultValue} when unset.
   *
   * @throws HarnessInputException naming the key when the value is not such a number
   */
  public int intNumber(String key, int defaultValue, int min) {
    long n = number(key, defaultValue);
    if (n < min || n > Integer.MAX_VALUE) {
      throw new HarnessInputException(describe(key), "'" + n + "' is out of range; use a whole number from " + min
          + " to " + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  /** A duration value of {@code key}; see {@link #timeout(String)} for the forms accepted. */
  Duration duration(String key, String text) {
    return parseDuration(key, text);
  }

  /**
   * The base URL of target {@code name} in the selected environment:
   * {@code invariant.harness.target.<name>.<environment>.base-url}, then
   * {@code invariant.harness.target.<name>.base-url}, then the script's
   * {@code <ENVIRONMENT>_<NAME>_BASE_URL} environment variable.
   *
   * @throws HarnessInputException naming every key tried when none is set, or when the value is
   *     not an absolute URL
   */
  public URI baseUrl(String name) {
    String env = environment();
    String perEnv = PREFIX + "target." + name + "." + env + ".base-url";
    String any = PREFIX + "target." + name + ".base-url";
    String value = get(perEnv).or(() -> get(any)).orElseThrow(() -> new HarnessInputException(describe(perEnv),
        "no base URL for target '" + name + "' in environment '" + env + "'; set " + perEnv
            + " (or " + any + ", or environment variable " + scriptVariable(env, name, "BASE_URL") + ")"));
    try {
      URI uri = new URI(value.trim());
      if (!uri.isAbsolute() || uri.getHost() == null) {
        throw new URISyntaxException(value, "not an absolute URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new HarnessInputException(describe(perEnv), "'" + value + "' is not a valid base URL: " + e.getReason());
    }
  }

  /**
   * An optional secret such as an access token. Its value is added to {@link #knownSecrets()}:
   * from then on every {@link Redactor} bound to that scope — the run's evidence, rows and report —
   * removes it, whichever source it came from (a JUnit configuration parameter included, which
   * {@link #secretValues()} cannot list up front). Other runs and the rest of the JVM are not told.
   */
  public Optional<String> secret(String key) {
    Optional<String> value = get(key);
    value.ifPresent(knownSecrets::add);
    return value;
  }

  /** Whether a key's name says its value is a secret (token, secret, password, credential, api key). */
  public static boolean looksSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /**
   * Every set value whose key looks secret (token, secret, password, credential, api key), so
   * the redactor can remove them literally wherever they appear.
   */
  public List<String> secretValues() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : environmentVariables.entrySet()) {
      if (SECRET_KEY.matcher(e.getKey()).matches() && e.getValue() != null && e.getValue().length() >= 4) {
        out.add(e.getValue());
      }
    }
    for (Map.Entry<String, String> e : systemProperties.entrySet()) {
      if (SECRET_KEY.matcher(e.getKey()).matches() && e.getValue() != null && e.getValue().length() >= 4) {
        out.add(e.getValue());
      }
    }
    return out;
  }

  /** The settings that shaped the run, for the report's Environment section; secrets shown as set/unset only. */
  public Map<String, String> describeForReport() {
    Map<String, String> out = new TreeMap<>();
    out.put("environment", environment());
    String mode;
    try {
      mode = flag(FAIL_ON_REQUIRED_FAILURE, true) ? "1" : "0";
    } catch (HarnessInputException e) {
      // The report of a run with a malformed mode must still be written (the problem is its
      // blocking configuration row), so describing the run cannot fail on it.
      mode = get(FAIL_ON_REQUIRED_FAILURE).orElse("") + " (not a boolean)";
    }
    out.put("FAIL_ON_REQUIRED_FAILURE", mode);
    out.put("java", System.getProperty("java.version", "?"));
    out.put("os", System.getProperty("os.name", "?") + " " + System.getProperty("os.arch", ""));
    for (String key : List.of(CATALOGUE, MITIGATIONS, REPORT_DIR, TIMEOUT_DEFAULT, REQUIRE_COVERAGE, GATE, ENVIRONMENTS)) {
      get(key).ifPresent(v -> out.put(key, v));
    }
    for (Map.Entry<String, String> e : environmentVariables.entrySet()) {
      String k = e.getKey();
      if (k.endsWith("_BASE_URL") || k.startsWith("INVARIANT_HARNESS_")) {
        out.put(k, SECRET_KEY.matcher(k).matches() ? "(set)" : e.getValue());
      } else if (k.endsWith("_ACCESS_TOKEN")) {
        out.put(k, "(set)");
      }
    }
    return out;
  }

  /** The environment-variable form of a key: upper case, {@code .} and {@code -} as {@code _}. */
  public static String environmentVariableOf(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private List<String> environmentNames(String key) {
    List<String> names = new ArrayList<>();
    names.add(environmentVariableOf(key));
    names.addAll(scriptNames(key));
    return names;
  }

  /** The validation matrix script's own names for {@code key}, if it has any. */
  private static List<String> scriptNames(String key) {
    if (key.equals(FAIL_ON_REQUIRED_FAILURE)) {
      return List.of("FAIL_ON_REQUIRED_FAILURE");
    }
    // Looked up on every get(), which the extension does per test: no matcher for the common keys.
    if (!key.startsWith(PREFIX + "target.")) {
      return List.of();
    }
    Matcher target = TARGET_KEY.matcher(key);
    if (target.matches()) {
      return List.of(scriptVariable(target.group(2), target.group(1), target.group(3).replace('-', '_')));
    }
    return List.of();
  }

  static String scriptVariable(String environment, String target, String suffix) {
    return (environment + "_" + target + "_" + suffix).toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
  }

  private HarnessInputException missing(String key, String problem) {
    return new HarnessInputException(describe(key), problem);
  }

  /** How errors name {@code key}: the key and its environment-variable forms. */
  public String describe(String key) {
    return "configuration key '" + key + "' (environment variable " + String.join(" or ", environmentNames(key)) + ")";
  }

  private Duration parseDuration(String key, String text) {
    String t = text.trim();
    Matcher m = SIMPLE_DURATION.matcher(t);
    try {
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      Duration d = Duration.parse(t);
      if (d.isNegative() || d.isZero()) {
        throw new DateTimeParseException("must be positive", t, 0);
      }
      return d;
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new HarnessInputException(describe(key),
          "'" + text + "' is not a positive duration; use e.g. 500ms, 10s, 2m or PT30S");
    }
  }
}
