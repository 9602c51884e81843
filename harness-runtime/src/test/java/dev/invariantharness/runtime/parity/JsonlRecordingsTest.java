package dev.invariantharness.runtime.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.HarnessInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlRecordingsTest {

  @TempDir Path dir;

  @Test
  void readsMethodPathHeadersAndStringOrJsonBodies() throws Exception {
    Path file = Files.writeString(dir.resolve("traffic.jsonl"), """
        {"method":"get","path":"/api/runs/1?view=full","headers":{"Accept":"application/json"}}

        {"method":"POST","path":"/api/runs","body":{"name":"a"}}
        {"method":"PUT","path":"/api/runs/1","body":"raw text"}
        """);
    assertThat(Recordings.load(dir)).containsExactly(
        new RecordedExchange(file + ":1", "GET", "/api/runs/1?view=full", Map.of("Accept", "application/json"), ""),
        new RecordedExchange(file + ":3", "POST", "/api/runs", Map.of(), "{\"name\":\"a\"}"),
        new RecordedExchange(file + ":4", "PUT", "/api/runs/1", Map.of(), "raw text"));
  }

  @Test
  void aBrokenLineIsBadInputNamingFileAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("traffic.jsonl"), "{\"method\":\"GET\",\"path\":\"/a\"}\n{\"method\":\"GET\",\"path\":\"a\"}\n");
    assertThatThrownBy(() -> Recordings.load(file)).isInstanceOf(HarnessInputException.class)
        .hasMessage(file + ":2: path must start with '/', found a");
  }

  @Test
  void aPathThatIsNoRequestTargetIsBadInput() throws Exception {
    Path file = Files.writeString(dir.resolve("traffic.jsonl"), "{\"method\":\"GET\",\"path\":\"/a b\"}\n");
    assertThatThrownBy(() -> Recordings.load(file)).isInstanceOf(HarnessInputException.class)
        .hasMessageStartingWith(file + ":1: path '/a b' is not a valid request target");
  }

  @Test
  void anEmptyDirectoryIsBadInput() {
    assertThatThrownBy(() -> Recordings.load(dir)).isInstanceOf(HarnessInputException.class)
        .hasMessage(dir + ": holds no recorded exchanges (*.json WireMock mappings or *.jsonl)");
  }

  @Test
  void aMissingPathIsBadInput() {
    assertThatThrownBy(() -> Recordings.load(dir.resolve("gone"))).isInstanceOf(HarnessInputException.class)
        .hasMessage(dir.resolve("gone") + ": recordings path does not exist");
  }
}
