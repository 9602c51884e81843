package dev.invariantharness.internal;

import dev.invariantharness.HarnessInputException;
import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.Gate;
import dev.invariantharness.gate.GateEvaluation;
import dev.invariantharness.gate.GateInputs;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.report.GateReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges a run's rows with the gate inputs of its configuration and makes the immutable report
 * every view renders. A configuration the gate cannot read becomes a failed required row judged
 * with the defaults, so a broken setting blocks instead of vanishing.
 */
final class RunJudge {

  /** Stable name of the configuration problem row. */
  static final String CONFIGURATION_CHECK = "harness-configuration";

  private RunJudge() {}

  static GateReport judge(HarnessConfiguration config, String runId, List<CheckResult> rows, Redactor redactor) {
    List<CheckResult> all = new ArrayList<>(rows);
    GateInputs inputs;
    try {
      inputs = GateInputs.from(config);
    } catch (HarnessInputException e) {
      all.removeIf(r -> r.checkId().equals(CONFIGURATION_CHECK));
      all.add(new CheckResult(CONFIGURATION_CHECK, true, CheckStatus.FAILED, "harness configuration is valid", "harness",
          List.of(), 0, e.getMessage(), "", List.of(), null));
      inputs = new GateInputs(InvariantCatalogue.defaults(), MitigationFile.none(), Optional.empty(), GateMode.GATING,
          Gate.MERGE, false, LocalDate.now(ZoneOffset.UTC));
    }
    all.sort(CheckResult.REPORT_ORDER);
    GateEvaluation evaluation = inputs.policy().evaluate(all);
    Map<String, String> environment = config.describeForReport();
    environment.replaceAll((k, v) -> redactor.redact(v));
    environment.put("run", runId);
    environment.put(RunIdentity.BUILD_KEY, RunIdentity.build());
    return GateReport.of(runId, Instant.now(), environment, inputs.catalogue(), evaluation);
  }
}
