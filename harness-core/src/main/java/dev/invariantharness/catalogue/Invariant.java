package dev.invariantharness.catalogue;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One architecture invariant of the catalogue.
 *
 * @param id stable id, e.g. {@code INV-07}
 * @param title short title, e.g. {@code Replay/idempotency contract}
 * @param statement the rule as the current invariant document states it
 * @param escalation what a violation blocks
 * @param verification how the invariant is verified (the documents' gate evidence/commands)
 * @param appliesTo the services or surfaces it applies to
 * @param supersededBy id of the invariant that replaces this one, or {@code null}
 * @param history earlier wording kept where an older document differs
 */
@API(status = STABLE, since = "0.1")
public record Invariant(
    String id,
    String title,
    String statement,
    EscalationClass escalation,
    String verification,
    List<String> appliesTo,
    String supersededBy,
    List<String> history) {

  public Invariant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(escalation, "escalation");
    statement = statement == null ? "" : statement;
    verification = verification == null ? "" : verification;
    appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
    history = history == null ? List.of() : List.copyOf(history);
  }

  /** Whether a newer invariant replaces this one. */
  public boolean isSuperseded() {
    return supersededBy != null && !supersededBy.isBlank();
  }
}
