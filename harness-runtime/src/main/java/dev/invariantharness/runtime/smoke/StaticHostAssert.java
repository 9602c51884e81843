package dev.invariantharness.runtime.smoke;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invariantharness.finding.Findings;
import dev.invariantharness.runtime.smoke.internal.HashedAssets;
import dev.invariantharness.runtime.smoke.internal.JsonDocs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Cache-policy assertions on a static host; obtain through
 * {@link SmokeAssertions#assertThat(StaticHost)}.
 *
 * <p>Static host policy is part of the control service's smoke lane in the validation matrix, so
 * a violation fails as INV-08 (the service must pass its own smoke lane to deploy on its own):
 * a shell file a cache may keep serving pins clients to an old deploy, and a hashed asset that
 * is not immutable makes every client refetch it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class StaticHostAssert extends AbstractAssert<StaticHostAssert, StaticHost> {

  StaticHostAssert(StaticHost actual) {
    super(actual, StaticHostAssert.class);
  }

  /**
   * Every shell file ({@code /manifest.json}, {@code /sw.js} by default) answers 2xx with a
   * {@code Cache-Control} that requires revalidation on every use: {@code no-cache}
   * (unqualified), {@code no-store} or {@code max-age=0}, in any case and order.
   */
  public StaticHostAssert servesShellUncached() {
    isNotNull();
    ServiceSmoke service = actual.service();
    Findings findings = Findings.of(ServiceSmokeAssert.SMOKE_INVARIANT, "the static host serves its shell uncached: "
        + String.join(", ", actual.shellPaths()) + " require revalidation on every load (no-cache, no-store or max-age=0)"
        + " so a deploy reaches every client (" + service.displayUrl() + ")");
    for (String path : actual.shellPaths()) {
      SmokeResponse r = service.get(path);
      if (!answered2xx(findings, r)) {
        continue;
      }
      CacheControl cc = r.cacheControl();
      if (cc.isEmpty()) {
        findings.add(r.location(), "has no Cache-Control header, so caches may reuse it heuristically; expected no-cache,"
            + " no-store or max-age=0" + problems(cc));
      } else if (!cc.requiresRevalidation()) {
        OptionalLong age = cc.maxAgeSeconds();
        String reuse = age.isPresent() ? "for " + age.getAsLong() + " s" : "heuristically";
        findings.add(r.location(), "Cache-Control \"" + service.redact(cc.raw()) + "\" lets caches reuse it " + reuse
            + " without revalidating; expected no-cache, no-store or max-age=0" + problems(cc));
      }
    }
    findings.assertNone();
    return this;
  }

  /**
   * Every content-hashed asset — listed with {@link StaticHost#withAssets}, or discovered from
   * the {@code src}/{@code href} references of {@code /} and the strings of
   * {@code /manifest.json} — answers 2xx with {@code immutable}, a {@code max-age} of at least
   * {@link StaticHost#minimumImmutableMaxAge()} (one year by default), and neither
   * {@code no-cache} nor {@code no-store}. Finding no hashed asset at all is a failure too: a
   * check that checked nothing must not pass.
   */
  public StaticHostAssert servesHashedAssetsImmutable() {
    isNotNull();
    ServiceSmoke service = actual.service();
    long minimum = actual.minimumImmutableMaxAge().getSeconds();
    Findings findings = Findings.of(ServiceSmokeAssert.SMOKE_INVARIANT, "the static host serves content-hashed assets"
        + " immutable with max-age >= " + minimum + " s, so clients never refetch a file whose name changes with its content ("
        + service.displayUrl() + ")");
    List<String> assets = actual.assetPaths().isEmpty() ? discover(service, findings) : actual.assetPaths();
    if (assets.isEmpty() && findings.isEmpty()) {
      findings.add("asset discovery", "found no content-hashed asset (name-<hash>.ext) referenced from "
          + String.join(" or ", actual.discoveryPages()) + "; list them with StaticHost.withAssets(...)");
    }
    for (String path : assets) {
      SmokeResponse r = service.get(path);
      if (!answered2xx(findings, r)) {
        continue;
      }
      CacheControl cc = r.cacheControl();
      String seen = cc.isEmpty() ? "no Cache-Control header" : "Cache-Control \"" + service.redact(cc.raw()) + "\"";
      if (!cc.isImmutable()) {
        findings.add(r.location(), seen + " lacks immutable" + problems(cc));
      }
      OptionalLong age = cc.maxAgeSeconds();
      if (age.isEmpty()) {
        if (!cc.isEmpty()) {
          findings.add(r.location(), seen + " has no max-age; expected max-age >= " + minimum + problems(cc));
        }
      } else if (age.getAsLong() < minimum) {
        findings.add(r.location(), seen + ": max-age " + age.getAsLong() + " s is below " + minimum + " s");
      }
      if (cc.isNoStore() || cc.isNoCache()) {
        findings.add(r.location(), seen + " carries " + (cc.isNoStore() ? "no-store" : "no-cache")
            + ", which defeats caching of a content-hashed file");
      }
    }
    findings.assertNone();
    return this;
  }

  private List<String> discover(ServiceSmoke service, Findings findings) {
    Set<String> found = new LinkedHashSet<>();
    for (String page : actual.discoveryPages()) {
      SmokeResponse r = service.get(page);
      if (!r.isSuccessful()) {
        continue;
      }
      Optional<JsonNode> json = JsonDocs.parse(r.body());
      found.addAll(json.isPresent() ? HashedAssets.fromJson(json.get(), page) : HashedAssets.fromHtml(r.body(), page));
    }
    return List.copyOf(found);
  }

  private boolean answered2xx(Findings findings, SmokeResponse r) {
    if (!r.answered()) {
      findings.add(r.location(), "no response: " + r.failure());
      return false;
    }
    if (!r.isSuccessful()) {
      findings.add(r.location(), "expected 2xx, saw " + r.status() + ": " + actual.service().snippet(r));
      return false;
    }
    return true;
  }

  private String problems(CacheControl cc) {
    return cc.problems().isEmpty() ? "" : " (header could not be fully parsed: " + actual.service().redact(String.join("; ", cc.problems())) + ")";
  }
}
