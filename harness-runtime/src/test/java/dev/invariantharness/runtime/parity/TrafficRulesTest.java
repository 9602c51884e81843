package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.invariantharness.HarnessInputException;
import dev.invariantharness.runtime.parity.internal.CompiledRules;
import dev.invariantharness.runtime.parity.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficRulesTest {

  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    return Files.writeString(dir.resolve("rules.yaml"), text);
  }

  @Test
  void readsNormalisationAndClassificationFromYaml() throws Exception {
    TrafficRules rules = TrafficRules.read(yaml("""
        normalise:
          - pointer: /generated_at
          - pointer: /items/*/request_id
            action: replace
            value: "<id>"
            route: "GET /api/*"
        classify:
          - pointer: /run/status
            severity: critical
          - route: "POST /api/runs*"
            severity: critical
        default_severity: warning
        status_severity: warning
        """));
    assertThat(rules.normalise()).hasSize(2);
    assertThat(rules.normalise().get(0).action()).isEqualTo(TrafficRules.Action.IGNORE);
    assertThat(rules.normalise().get(1).value()).isEqualTo(TextNode.valueOf("<id>"));
    assertThat(rules.statusSeverity()).isEqualTo(Severity.WARNING);

    CompiledRules compiled = new CompiledRules(rules);
    assertThat(compiled.classify("GET /api/runs/1", "/run/status/code")).isEqualTo(Severity.CRITICAL);
    assertThat(compiled.classify("POST /api/runs", "/anything")).isEqualTo(Severity.CRITICAL);
    assertThat(compiled.classify("GET /api/runs/1", "/run/id")).isEqualTo(Severity.WARNING);
    assertThat(compiled.normalise("GET /api/runs", Json.MAPPER.readTree(
        "{\"generated_at\":1,\"items\":[{\"request_id\":\"a\",\"v\":1},{\"request_id\":\"b\"}]}")))
        .isEqualTo(Json.MAPPER.readTree("{\"items\":[{\"request_id\":\"<id>\",\"v\":1},{\"request_id\":\"<id>\"}]}"));
    assertThat(compiled.normalise("POST /other", Json.MAPPER.readTree("{\"items\":[{\"request_id\":\"a\"}]}")))
        .isEqualTo(Json.MAPPER.readTree("{\"items\":[{\"request_id\":\"a\"}]}"));
  }

  @Test
  void pointersUnescapeTildeAndSlash() throws Exception {
    CompiledRules compiled = new CompiledRules(TrafficRules.defaults().ignore("/a~1b/c~0d"));
    assertThat(compiled.normalise("GET /", Json.MAPPER.readTree("{\"a/b\":{\"c~d\":1,\"e\":2}}")))
        .isEqualTo(Json.MAPPER.readTree("{\"a/b\":{\"e\":2}}"));
  }

  @Test
  void anEmptyFileMeansDefaults() throws Exception {
    assertThat(TrafficRules.read(yaml(""))).isEqualTo(TrafficRules.defaults());
  }

  @Test
  void anUnknownKeyIsBadInput() throws Exception {
    Path file = yaml("normalize: []\nthreshold: 3\n");
    assertThatThrownBy(() -> TrafficRules.read(file)).isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ": unknown key 'threshold'");
  }

  @Test
  void anUnknownSeverityIsBadInputNamingTheRule() throws Exception {
    Path file = yaml("classify:\n  - pointer: /a\n    severity: fatal\n");
    assertThatThrownBy(() -> TrafficRules.read(file)).isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": classify[0].severity must be critical or warning, was \"fatal\"");
  }

  @Test
  void aPointerWithoutLeadingSlashIsBadInputNamingTheRule() throws Exception {
    Path file = yaml("normalise:\n  - pointer: generated_at\n");
    assertThatThrownBy(() -> TrafficRules.read(file)).isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": normalise[0]: JSON pointer 'generated_at' must be empty or start with '/'");
  }

  @Test
  void anUnknownActionIsBadInput() throws Exception {
    Path file = yaml("normalise:\n  - pointer: /a\n    action: blur\n");
    assertThatThrownBy(() -> TrafficRules.read(file)).isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ": normalise[0]: action must be ignore or replace, was \"blur\"");
  }

  @Test
  void malformedYamlAndMissingFilesAreBadInput() throws Exception {
    Path file = yaml("normalise: [\n");
    assertThatThrownBy(() -> TrafficRules.read(file)).isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ": rules file is not valid YAML");
    assertThatThrownBy(() -> TrafficRules.read(dir.resolve("none.yaml"))).isInstanceOf(HarnessInputException.class)
        .hasMessage(dir.resolve("none.yaml") + ": rules file does not exist");
  }
}
