package dev.invariantharness.benchmarks;

import dev.invariantharness.catalogue.InvariantCatalogue;
import dev.invariantharness.config.HarnessConfiguration;
import dev.invariantharness.evidence.Redactor;
import dev.invariantharness.gate.CheckResult;
import dev.invariantharness.gate.CheckStatus;
import dev.invariantharness.gate.GateMode;
import dev.invariantharness.gate.GatePolicy;
import dev.invariantharness.gate.MitigationFile;
import dev.invariantharness.internal.ReportPublisher;
import dev.invariantharness.report.GateReport;
import dev.invariantharness.report.GateReportJson;
import dev.invariantharness.report.ReportView;
import dev.invariantharness.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Splits the cost of publishing a 1,000-row gate report into its stages: judging the rows,
 * each rendered view, the last-pass redaction, and the whole publish (part file, lock, views,
 * atomic directory, {@code latest}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class ReportPublishBenchmark {

  @Param({"1000"})
  int rows;

  private List<CheckResult> results;
  private GateReport report;
  private String json;
  private HarnessConfiguration config;
  private Redactor redactor;

  @Setup
  public void prepare() throws IOException {
    results = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      results.add(new CheckResult("InvariantSuite.check" + i, true, CheckStatus.PASSED, "check " + i, "bench",
          List.of("INV-01"), 1, "", "mvn test -Dtest=InvariantSuite#check" + i, List.of(), null));
    }
    report = judge();
    json = GateReportJson.write(report);
    Path dir = Files.createTempDirectory("ih-publish");
    Map<String, String> params = Map.of(HarnessConfiguration.REPORT_DIR, dir.toString(), HarnessConfiguration.RUN_ID, "bench");
    config = HarnessConfiguration.of(k -> Optional.ofNullable(params.get(k)));
    redactor = ReportPublisher.redactor(config);
  }

  private GateReport judge() {
    GatePolicy policy = new GatePolicy(InvariantCatalogue.defaults(), MitigationFile.none(), GateMode.GATING,
        LocalDate.now(), false);
    return GateReport.of("bench", Instant.now(), Map.of(), InvariantCatalogue.defaults(), policy.evaluate(results));
  }

  @Benchmark
  public GateReport judgeRows() {
    return judge();
  }

  @Benchmark
  public String partJson() {
    return GateReportJson.write(report);
  }

  @Benchmark
  public String fullRedactionOfPart() {
    return redactor.redact(json);
  }

  @Benchmark
  public String configuredRedactionOfPart() {
    return redactor.configuredOnly().redact(json);
  }

  @Benchmark
  public void views(Blackhole bh) {
    for (ReportView view : ReportWriter.defaultViews()) {
      bh.consume(view.render(report));
    }
  }

  @Benchmark
  public String resultsTsv() {
    return ReportWriter.defaultViews().get(0).render(report);
  }

  @Benchmark
  public String summaryMarkdown() {
    return ReportWriter.defaultViews().get(1).render(report);
  }

  @Benchmark
  public String summaryJson() {
    return ReportWriter.defaultViews().get(2).render(report);
  }

  @Benchmark
  public String indexHtml() {
    return ReportWriter.defaultViews().get(3).render(report);
  }

  @Benchmark
  public String publish() {
    return ReportPublisher.publish(config, "part", results);
  }
}
