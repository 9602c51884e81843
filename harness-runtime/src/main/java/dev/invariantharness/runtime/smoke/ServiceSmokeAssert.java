package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.runtime.WriteMode;
import dev.invariantharness.runtime.smoke.internal.JsonDocs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Smoke assertions on one service; obtain through {@link SmokeAssertions#assertThat(ServiceSmoke)}.
 *
 * <p><b>Which invariant.</b> A service that answers its health, readiness and read routes and
 * accepts its own session and sync tokens <em>passes its smoke lane</em> — the verification
 * the catalogue gives for INV-08 (service deploy isolation: "each service deploys and passes its
 * smoke lane without the others being redeployed"); those assertions fail as INV-08. The write
 * mode report is different evidence: during the authority cutover it is the runtime's public
 * statement of which path writes canonical runtime state, so a {@code /healthz} without
 * {@code authority_write_mode}, or with a mode its {@code authority_writer_active} contradicts,
 * leaves INV-05 (runtime authority isolation) unverifiable and a rollback to
 * {@code shadow_only} unobservable; {@link #reportsWriteMode} fails as INV-05.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ServiceSmokeAssert extends AbstractAssert<ServiceSmokeAssert, ServiceSmoke> {

  /** The invariant a failed smoke lane violates. */
  public static final String SMOKE_INVARIANT = "INV-08";
  /** The invariant a missing or contradictory write-mode report violates. */
  public static final String WRITE_MODE_INVARIANT = "INV-05";

  private static final Set<String> UP = Set.of("ok", "ready", "healthy", "pass", "up", "serving");

  ServiceSmokeAssert(ServiceSmoke actual) {
    super(actual, ServiceSmokeAssert.class);
  }

  /** {@code /healthz} and {@code /readyz} answer 2xx and, where the body is JSON, report themselves up. */
  public ServiceSmokeAssert isReady() {
    return isReady("/healthz", "/readyz");
  }

  /**
   * Health and readiness: both answer 2xx; a JSON body must be an object whose {@code status} is
   * up ({@code ok}, {@code ready}, {@code healthy}, {@code pass}, {@code up}) and whose
   * {@code *_ready} booleans (the runtime's {@code authority_ready}, {@code projector_ready},
   * {@code workers_ready}) are all true. A plain-text 2xx body passes.
   */
  public ServiceSmokeAssert isReady(String healthPath, String readyPath) {
    isNotNull();
    Findings findings = Findings.of(SMOKE_INVARIANT, "the service passes its smoke lane: " + healthPath + " and " + readyPath
        + " answer 2xx and report the service up (" + actual.displayUrl() + ")");
    for (String path : List.of(healthPath, readyPath)) {
      SmokeResponse r = actual.get(path);
      if (expect2xx(findings, r)) {
        checkUpShape(findings, r);
      }
    }
    findings.assertNone();
    return this;
  }

  /** {@code /healthz} reports a known {@code authority_write_mode}; see {@link #reportsWriteMode(WriteMode...)}. */
  public ServiceSmokeAssert reportsWriteMode() {
    return reportsWriteMode(new WriteMode[0]);
  }

  /**
   * {@code /healthz} answers 2xx with a JSON object whose {@code authority_write_mode} is one of
   * {@code rust_active}, {@code shadow_only}, {@code read_only} — one of {@code expected} when
   * given — and whose {@code authority_writer_active}, when present, is true exactly in
   * {@code rust_active}.
   */
  public ServiceSmokeAssert reportsWriteMode(WriteMode... expected) {
    isNotNull();
    Set<WriteMode> allowed = expected.length == 0 ? EnumSet.allOf(WriteMode.class) : EnumSet.copyOf(Arrays.asList(expected));
    Findings findings = Findings.of(WRITE_MODE_INVARIANT, "the runtime reports which authority path writes: /healthz carries"
        + " authority_write_mode (rust_active|shadow_only|read_only) consistent with authority_writer_active");
    SmokeResponse r = actual.get("/healthz");
    if (expect2xx(findings, r)) {
      Optional<JsonNode> json = JsonDocs.parse(r.body()).filter(JsonNode::isObject);
      if (json.isEmpty()) {
        findings.add(r.location(), "answered " + r.status() + " without a JSON object, so no authority_write_mode: " + show(r));
      } else {
        checkWriteMode(findings, r, json.get(), allowed);
      }
    }
    findings.assertNone();
    return this;
  }

  /**
   * A read works: {@code GET path} (with the access token when one is configured) answers 2xx,
   * or 404 with a JSON body — the route and its store answered "no such record". A 5xx (a
   * {@code 503 write_path_frozen} included: reads keep working while writes are frozen), a
   * refusal or an HTML 404 is a finding.
   */
  public ServiceSmokeAssert servesRead(String path) {
    isNotNull();
    Findings findings = Findings.of(SMOKE_INVARIANT, "the service passes its smoke lane: an authority read answers ("
        + actual.displayUrl() + ")");
    SmokeResponse r = actual.hasAccessToken() ? actual.getAuthenticated(path) : actual.get(path);
    if (!r.answered()) {
      findings.add(r.location(), "no response: " + r.failure());
    } else if (r.isSuccessful()) {
      if (r.isJson() && JsonDocs.parse(r.body()).isEmpty()) {
        findings.add(r.location(), "answered " + r.status() + " with Content-Type " + r.header("Content-Type").orElse("")
            + " but a body that is not JSON: " + show(r));
      }
    } else if (r.status() == 404 && JsonDocs.parse(r.body()).isPresent()) {
      // the read path answered: an unknown record is a working read
    } else if (r.status() == 503 && r.body().contains("write_path_frozen")) {
      findings.add(r.location(), "answered 503 write_path_frozen to a read; reads must keep working while writes are frozen: " + show(r));
    } else if (r.status() == 401 || r.status() == 403) {
      findings.add(r.location(), "read refused with " + r.status() + (actual.hasAccessToken()
          ? " although the access token was sent: " : " (no access token configured): ") + show(r));
    } else {
      findings.add(r.location(), "expected 2xx (or 404 with a JSON body), saw " + r.status() + ": " + show(r));
    }
    findings.assertNone();
    return this;
  }

  /**
   * The access token opens a session: {@code GET} each path with {@code Authorization: Bearer}
   * answers 2xx with a JSON body, and never echoes the token back in a header or the body.
   *
   * @throws IllegalStateException when no access token is configured (skip first with
   *     {@link SmokeTarget#requireAccessToken()})
   */
  public ServiceSmokeAssert acceptsAccessTokenAt(String... sessionPaths) {
    isNotNull();
    requireToken();
    Findings findings = Findings.of(SMOKE_INVARIANT, "the control service passes its auth smoke: the access token opens a session ("
        + actual.displayUrl() + ")");
    for (String path : sessionPaths) {
      SmokeResponse r = actual.getAuthenticated(path);
      if (expect2xx(findings, r) && JsonDocs.parse(r.body()).isEmpty()) {
        findings.add(r.location(), "answered " + r.status() + " without a JSON session document: " + show(r));
      }
      reportEchoes(findings, r);
    }
    findings.assertNone();
    return this;
  }

  /** {@link #issuesSyncTokenAt} at {@code /api/sync/token}. */
  public ServiceSmokeAssert issuesSyncToken(List<String> scopes, String deviceId) {
    return issuesSyncTokenAt("/api/sync/token", scopes, deviceId);
  }

  /**
   * {@code POST path} with {@code {"scopes":[...],"device_id":...}} and the access token answers
   * 2xx with a JSON body carrying a non-blank {@code token} (top level or under {@code data}),
   * whose {@code token_type}, when present, is {@code Bearer}. The minted token is redacted
   * from evidence and messages like the access token; the access token may not be echoed.
   */
  public ServiceSmokeAssert issuesSyncTokenAt(String path, List<String> scopes, String deviceId) {
    isNotNull();
    requireToken();
    Findings findings = Findings.of(SMOKE_INVARIANT, "the control service passes its sync-token smoke: "
        + path + " mints a token for the session (" + actual.displayUrl() + ")");
    String body = "{\"scopes\":[" + scopes.stream().map(JsonDocs::quote).collect(Collectors.joining(",")) + "],\"device_id\":"
        + JsonDocs.quote(deviceId) + "}";
    SmokeResponse r = actual.postJson(path, body, true);
    if (expect2xx(findings, r)) {
      Optional<JsonNode> json = JsonDocs.parse(r.body()).filter(JsonNode::isObject);
      Optional<JsonNode> token = json.flatMap(j -> JsonDocs.field(j, "token"));
      if (json.isEmpty()) {
        findings.add(r.location(), "answered " + r.status() + " without a JSON object: " + show(r));
      } else if (token.isEmpty() || !token.get().isTextual() || token.get().asText().isBlank()) {
        findings.add(r.location(), "answered " + r.status() + " without a non-blank \"token\" (top level or under \"data\"): " + show(r));
      } else {
        Optional<JsonNode> type = JsonDocs.field(json.get(), "token_type");
        if (type.isPresent() && !type.get().asText().equalsIgnoreCase("Bearer")) {
          findings.add(r.location(), "minted a token of token_type \"" + actual.redact(type.get().asText()) + "\"; expected Bearer");
        }
      }
    }
    reportEchoes(findings, r);
    findings.assertNone();
    return this;
  }

  private void requireToken() {
    if (!actual.hasAccessToken()) {
      throw new IllegalStateException("no access token configured for " + actual.displayUrl()
          + "; call SmokeTarget.requireAccessToken() first so the check is skipped, not failed");
    }
  }

  private boolean expect2xx(Findings findings, SmokeResponse r) {
    if (!r.answered()) {
      findings.add(r.location(), "no response: " + r.failure());
      return false;
    }
    if (!r.isSuccessful()) {
      findings.add(r.location(), "expected 2xx, saw " + r.status() + ": " + show(r));
      return false;
    }
    return true;
  }

  private void checkUpShape(Findings findings, SmokeResponse r) {
    Optional<JsonNode> json = JsonDocs.parse(r.body());
    if (json.isEmpty()) {
      if (r.isJson()) {
        findings.add(r.location(), "answered " + r.status() + " with Content-Type " + r.header("Content-Type").orElse("")
            + " but a body that is not JSON: " + show(r));
      }
      return;
    }
    if (!json.get().isObject()) {
      findings.add(r.location(), "answered " + r.status() + " with JSON that is not an object: " + show(r));
      return;
    }
    JsonNode status = json.get().get("status");
    if (status == null || !status.isTextual()) {
      findings.add(r.location(), "answered " + r.status() + " but the JSON has no \"status\" string: " + show(r));
    } else if (!UP.contains(status.asText().trim().toLowerCase(Locale.ROOT))) {
      findings.add(r.location(), "answered " + r.status() + " but reports status \"" + actual.redact(status.asText()) + "\": " + show(r));
    }
    List<String> notReady = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.get().fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().endsWith("_ready") && e.getValue().isBoolean() && !e.getValue().asBoolean()) {
        notReady.add(e.getKey() + "=false");
      }
    }
    if (!notReady.isEmpty()) {
      findings.add(r.location(), "answered " + r.status() + " but reports " + String.join(", ", notReady) + ": " + show(r));
    }
  }

  private void checkWriteMode(Findings findings, SmokeResponse r, JsonNode json, Set<WriteMode> allowed) {
    JsonNode mode = json.get("authority_write_mode");
    if (mode == null || mode.isNull()) {
      findings.add(r.location(), "reports no authority_write_mode: " + show(r));
      return;
    }
    Optional<WriteMode> parsed = mode.isTextual() ? WriteMode.fromWire(mode.asText()) : Optional.empty();
    if (parsed.isEmpty()) {
      findings.add(r.location(), "reports authority_write_mode " + actual.redact(mode.toString())
          + "; expected one of rust_active, shadow_only, read_only");
      return;
    }
    if (!allowed.contains(parsed.get())) {
      findings.add(r.location(), "reports authority_write_mode " + parsed.get().wireName() + "; this environment expects "
          + allowed.stream().map(WriteMode::wireName).sorted().collect(Collectors.joining(" or ")));
    }
    JsonNode writer = json.get("authority_writer_active");
    if (writer != null && !writer.isNull()) {
      if (!writer.isBoolean()) {
        findings.add(r.location(), "reports authority_writer_active " + actual.redact(writer.toString()) + "; expected true or false");
      } else if (writer.asBoolean() != parsed.get().acceptsWrites()) {
        findings.add(r.location(), "reports authority_writer_active=" + writer.asBoolean() + " with authority_write_mode "
            + parsed.get().wireName() + "; only rust_active writes");
      }
    }
  }

  private void reportEchoes(Findings findings, SmokeResponse r) {
    List<String> where = actual.echoesOfAccessToken(r);
    if (!where.isEmpty()) {
      findings.add(r.location(), "echoes the access token back in " + String.join(", ", where)
          + " (redacted from this report as " + Redactor.MARKER + "); a service must never reflect a bearer token");
    }
  }

  private String show(SmokeResponse r) {
    String ct = r.header("Content-Type").map(t -> " (" + t + ")").orElse("")
        + r.header("Location").map(l -> " (Location: " + actual.redact(l) + ")").orElse("");
    String body = actual.snippet(r);
    return (body.isEmpty() ? "empty body" : body) + ct;
  }
}
