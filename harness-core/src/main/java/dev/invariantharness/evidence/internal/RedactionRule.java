package dev.invariantharness.evidence.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One redaction rule: a pure rewrite of text that replaces secret values with {@link #MARKER}.
 *
 * <p>Every built-in rule runs in time linear in the input: it is either a hand-written scanner
 * that never revisits a character more than a constant number of times, or a regular expression
 * with bounded or possessive quantifiers only. Every rule is idempotent: its own output, and the
 * marker in particular, is left unchanged by a second run.
 */
@API(status = INTERNAL, since = "0.1")
@FunctionalInterface
public interface RedactionRule {

  /** What a redacted value is replaced with. */
  String MARKER = "[REDACTED]";

  /** {@code text} with every secret this rule recognises replaced; {@code text} itself if none. */
  String apply(String text);

  /**
   * A cheap pre-check: {@code false} only when the rule cannot change the text, so
   * {@link #apply} may be skipped. Must never say {@code false} for text the rule would change.
   */
  default boolean mayApply(TextFacts facts) {
    return true;
  }
}
