package dev.invariantharness.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.invariantharness.catalogue.EscalationClass;
import dev.invariantharness.catalogue.Invariant;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.gate.MitigationFile.Candidate;
import java.time.LocalDate;
import dev.invariantharness.finding.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The go/no-go policy: turns the recorded check results into the final rows and one decision,
 * following the escalation rules of the invariant gates document and the validation matrix's
 * policy ("all required checks must pass; required checks cannot be skipped in release gating
 * mode").
 *
 * <ul>
 *   <li>A failed required check of INV-01..06 (class {@code block-merge}) blocks merge.
 *   <li>INV-07..08 ({@code block-merge-unless-mitigated}) block merge unless an accepted
 *       mitigation names the invariant and the check: then the row is {@code mitigated} and the
 *       decision is GO with a warning. Expired or incomplete mitigations, and mitigations of a
 *       class that cannot be mitigated, are rejected with a message and the failure blocks.
 *   <li>INV-09..10 ({@code block-release-promotion}) block release promotion; merge is allowed.
 *   <li>A required check that was skipped, aborted or disabled is judged as failed; an unmapped
 *       test blocks merge (reviewers require an explicit invariant mapping).
 *   <li>Failed optional checks, mitigations in force and coverage gaps are warnings.
 * </ul>
 *
 * <p>The decision is the same in gating and baseline mode; the mode only says whether a NO-GO
 * fails the build ({@link GateDecision#failsBuild()}).
 *
 * <pre>{@code
 * GatePolicy policy = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(),
 *     GateMode.GATING, LocalDate.now(ZoneOffset.UTC), false);
 * GateEvaluation evaluation = policy.evaluate(results);
 * }</pre>
 *
 * @param catalogue the invariants and their escalation classes
 * @param mitigations the mitigation file's entries
 * @param mode gating or baseline
 * @param today the date mitigations' expiry is judged against (UTC)
 * @param requireCoverage whether an active invariant that no check covers blocks merge
 * @param gate the gate the run decides; see {@link GateDecision#failsBuild()}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GatePolicy(
    InvariantCatalogue catalogue,
    MitigationFile mitigations,
    GateMode mode,
    LocalDate today,
    boolean requireCoverage,
    Gate gate) {

  /** A policy for the merge gate. */
  public GatePolicy(InvariantCatalogue catalogue, MitigationFile mitigations, GateMode mode, LocalDate today,
      boolean requireCoverage) {
    this(catalogue, mitigations, mode, today, requireCoverage, Gate.MERGE);
  }

  public GatePolicy {
    gate = gate == null ? Gate.MERGE : gate;
    Objects.requireNonNull(catalogue, "catalogue");
    Objects.requireNonNull(mitigations, "mitigations");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(today, "today");
  }

  /** Judges {@code results}: the final rows, the decision and what it rests on. */
  public GateEvaluation evaluate(List<CheckResult> results) {
    List<String> warnings = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    Map<String, Mitigation> accepted = acceptMitigations(rejected);
    Set<String> usedMitigations = new HashSet<>();
    List<Blocker> blockers = new ArrayList<>();
    List<CheckResult> rows = new ArrayList<>();

    for (CheckResult raw : results) {
      CheckResult row = raw.status() == CheckStatus.MITIGATED ? raw.withStatus(CheckStatus.FAILED, raw.reason(), null) : raw;
      switch (row.status()) {
        case FAILED, SKIPPED -> {
          if (!row.required()) {
            if (row.status() == CheckStatus.FAILED) {
              warnings.add("optional check " + row.checkId() + " failed: " + firstLine(row.reason()));
            }
            rows.add(row.withOutcomes(outcomes(row, blamed(row), Map.of())));
          } else {
            rows.add(judgeRequiredFailure(row, accepted, usedMitigations, blockers, warnings));
          }
        }
        case UNMAPPED -> {
          blockers.add(new Blocker(row.checkId(), "", EscalationClass.BLOCK_MERGE, BlockedScope.MERGE,
              "test maps to no invariant: reviewers require an explicit INV mapping; add @Verifies(\"INV-..\") or"
                  + " @NotApplicable(value = \"INV-..\", reason = \"...\")"));
          rows.add(row);
        }
        default -> rows.add(row.withOutcomes(outcomes(row, List.of(), Map.of())));
      }
    }

    for (Map.Entry<String, Mitigation> m : accepted.entrySet()) {
      if (!usedMitigations.contains(m.getKey())) {
        warnings.add("mitigation for " + m.getValue().invariant() + " on check " + m.getValue().check()
            + " is not needed by this run (the check did not fail or did not run); remove it when the follow-up "
            + m.getValue().followUp() + " is done");
      }
    }

    List<String> gaps = coverageGaps(rows);
    for (String gap : gaps) {
      String title = catalogue.find(gap).map(Invariant::title).orElse("");
      if (requireCoverage) {
        blockers.add(new Blocker("(coverage)", gap, catalogue.find(gap).map(Invariant::escalation).orElse(EscalationClass.BLOCK_MERGE),
            BlockedScope.MERGE, gap + " (" + title + ") is covered by no check and declared N/A by none"));
      } else {
        warnings.add("coverage gap: " + gap + " (" + title + ") is covered by no check and declared N/A by none");
      }
    }
    if (mode == GateMode.BASELINE) {
      warnings.add("baseline mode (FAIL_ON_REQUIRED_FAILURE=0): results are recorded and the build never fails; "
          + "production gate decisions must run with FAIL_ON_REQUIRED_FAILURE=1");
    }

    BlockedScope scope = BlockedScope.NOTHING;
    for (Blocker b : blockers) {
      scope = scope.max(b.scope());
    }
    GateDecision decision = new GateDecision(
        blockers.isEmpty() ? Verdict.GO : Verdict.NO_GO, scope, mode, blockers, warnings, rejected, gate);
    List<Mitigation> inForce = accepted.entrySet().stream()
        .filter(e -> usedMitigations.contains(e.getKey())).map(Map.Entry::getValue).toList();
    return new GateEvaluation(rows, decision, gaps, inForce);
  }

  private CheckResult judgeRequiredFailure(CheckResult row, Map<String, Mitigation> accepted,
      Set<String> used, List<Blocker> blockers, List<String> warnings) {
    boolean skipped = row.status() == CheckStatus.SKIPPED;
    String what = skipped
        ? "required check was skipped (" + firstLine(row.reason()) + "); required checks cannot be skipped in gating mode (FAIL_ON_REQUIRED_FAILURE=1)"
        : firstLine(row.reason());
    List<String> ids = blamed(row);
    boolean blocked = false;
    Mitigation applied = null;
    Map<String, Mitigation> mitigatedIds = new LinkedHashMap<>();
    for (String id : ids.isEmpty() ? List.of("") : ids) {
      Optional<Invariant> inv = catalogue.find(id);
      EscalationClass cls = inv.map(Invariant::escalation).orElse(EscalationClass.BLOCK_MERGE);
      String because = skipped ? what : reasonFor(row, id, what);
      if (cls == EscalationClass.ADVISORY) {
        warnings.add("advisory " + id + " violated by " + row.checkId() + ": " + because);
        continue;
      }
      Mitigation m = accepted.get(key(id, row.checkId()));
      if (cls.mitigable() && m != null && !skipped) {
        used.add(key(id, row.checkId()));
        applied = m;
        mitigatedIds.put(id, m);
        warnings.add(id + " failure of " + row.checkId() + " is mitigated until " + m.expires() + " (owner " + m.owner()
            + ", follow-up " + m.followUp() + "): " + m.reason());
        continue;
      }
      blocked = true;
      String note = inv.isEmpty() && !id.isEmpty() ? " (invariant " + id + " is not in the catalogue; judged block-merge)" : "";
      blockers.add(new Blocker(row.checkId(), id, cls, cls.blocksMerge() ? BlockedScope.MERGE : BlockedScope.RELEASE_PROMOTION,
          because + note + (cls.mitigable() && !skipped ? " — no accepted mitigation" : "")));
    }
    CheckResult judged = row.withOutcomes(outcomes(row, ids, mitigatedIds));
    if (!blocked && applied != null && row.status() == CheckStatus.FAILED) {
      return judged.withStatus(CheckStatus.MITIGATED, row.reason(), applied);
    }
    return judged;
  }

  /**
   * The invariants a failed or skipped row is blamed on: those its findings name; every
   * invariant it verifies when the failure carries no findings (a plain assertion, an exception)
   * or a part of it names none, and when the check did not run. N/A declarations are never blamed.
   */
  static List<String> blamed(CheckResult row) {
    Set<String> ids = new LinkedHashSet<>();
    boolean unattributed = row.status() != CheckStatus.FAILED || row.findings().isEmpty();
    for (Finding f : row.findings()) {
      if (f.attributed()) {
        ids.add(f.invariant());
      } else {
        unattributed = true;
      }
    }
    if (unattributed) {
      ids.addAll(row.verified());
    }
    return List.copyOf(ids);
  }

  /** The first line of the findings of {@code id}, else the row's reason. */
  private static String reasonFor(CheckResult row, String id, String fallback) {
    List<Finding> mine = row.findings().stream().filter(f -> f.invariant().equals(id)).toList();
    if (mine.isEmpty()) {
      return fallback;
    }
    return id + " violated: " + mine.size() + " finding(s), first: " + firstLine(mine.get(0).toString());
  }

  /** What the row means for each of its invariants, and for any its findings add. */
  private static Map<String, CheckStatus> outcomes(CheckResult row, List<String> blamed, Map<String, Mitigation> mitigated) {
    Map<String, CheckStatus> out = new LinkedHashMap<>();
    for (String id : row.invariants()) {
      out.put(id, row.notApplicable().contains(id) ? CheckStatus.NOT_APPLICABLE : CheckStatus.PASSED);
    }
    CheckStatus failure = row.status() == CheckStatus.SKIPPED ? CheckStatus.SKIPPED : CheckStatus.FAILED;
    for (String id : blamed) {
      out.put(id, mitigated.containsKey(id) ? CheckStatus.MITIGATED : failure);
    }
    if (row.status() == CheckStatus.NOT_APPLICABLE) {
      out.replaceAll((id, s) -> CheckStatus.NOT_APPLICABLE);
    }
    return out;
  }

  private Map<String, Mitigation> acceptMitigations(List<String> rejected) {
    Map<String, Mitigation> accepted = new LinkedHashMap<>();
    for (Candidate c : mitigations.candidates()) {
      Mitigation m = c.mitigation();
      List<String> problems = new ArrayList<>(c.problems());
      if (m.invariant() != null && !m.invariant().isBlank()) {
        Optional<Invariant> inv = catalogue.find(m.invariant());
        if (inv.isEmpty()) {
          problems.add(catalogue.unknownIdProblem(m.invariant()));
        } else if (!inv.get().escalation().mitigable()) {
          problems.add(m.invariant() + " is " + inv.get().escalation().id()
              + ", which no mitigation can waive (only block-merge-unless-mitigated invariants such as INV-07 and INV-08 can be mitigated)");
        }
      }
      if (m.expires() != null && m.expires().isBefore(today)) {
        problems.add("expired on " + m.expires() + " (today is " + today + ")");
      }
      if (problems.isEmpty()) {
        accepted.put(key(m.invariant(), m.check()), m);
      } else {
        rejected.add(c.location() + ": mitigation" + (m.invariant() == null ? "" : " for " + m.invariant())
            + (m.check() == null ? "" : " on check " + m.check()) + " rejected: " + String.join("; ", problems));
      }
    }
    return accepted;
  }

  private List<String> coverageGaps(List<CheckResult> rows) {
    Set<String> covered = new HashSet<>();
    for (CheckResult r : rows) {
      if (r.status() != CheckStatus.UNMAPPED) {
        covered.addAll(r.invariants());
      }
    }
    return catalogue.active().stream().map(Invariant::id).filter(id -> !covered.contains(id)).toList();
  }

  private static String key(String invariant, String check) {
    return invariant + "\u0000" + check;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
