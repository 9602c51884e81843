package dev.invariantharness.surface.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Volatile-field rules: pointers are split and spelled out once and reused on every answer, so a
 * rule must act on each tree alike, whichever naming convention the tree uses.
 */
class JsonPointersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aRuleRemovesItsFieldInEitherNamingConventionAndFromEveryElementWithAStar() throws Exception {
    List<String> rules = List.of("/updated_at", "/items/*/etag", "/items/0/seen", "/a~1b");
    for (String tree : List.of(
        "{\"updatedAt\":1,\"items\":[{\"etag\":\"x\",\"seen\":1,\"id\":1},{\"etag\":\"y\",\"seen\":2}],\"a/b\":3,\"keep\":true}",
        "{\"updated_at\":1,\"items\":[{\"etag\":\"x\",\"seen\":1,\"id\":1},{\"etag\":\"y\",\"seen\":2}],\"a/b\":3,\"keep\":true}")) {
      JsonNode original = JSON.readTree(tree);
      JsonNode stable = JsonPointers.without(original, rules);
      assertThat(stable).isEqualTo(JSON.readTree("{\"items\":[{\"id\":1},{\"seen\":2}],\"keep\":true}"));
      assertThat(original).as("without() leaves its input alone").isEqualTo(JSON.readTree(tree));
      assertThat(JsonPointers.removeIn(original, rules)).isSameAs(original).isEqualTo(stable);
    }
  }

  @Test
  void aTrailingStarEmptiesAnArrayAndAnIndexBeyondItIsNoMatch() throws Exception {
    assertThat(JsonPointers.without(JSON.readTree("{\"l\":[1,2,3],\"m\":[1]}"), List.of("/l/*", "/m/5", "/m/99999999999")))
        .isEqualTo(JSON.readTree("{\"l\":[],\"m\":[1]}"));
  }

  @Test
  void aValueIsFoundAtAPointerInEitherConventionOrNotAtAll() throws Exception {
    JsonNode tree = JSON.readTree("{\"runId\":\"r-1\",\"items\":[{\"note_id\":\"n\"}]}");
    assertThat(JsonPointers.at(tree, "/run_id").asText()).isEqualTo("r-1");
    assertThat(JsonPointers.at(tree, "/runId").asText()).isEqualTo("r-1");
    assertThat(JsonPointers.at(tree, "/items/0/noteId").asText()).isEqualTo("n");
    assertThat(JsonPointers.at(tree, "/items/1/noteId")).isNull();
    assertThat(JsonPointers.at(tree, "/items/*")).isNull();
    assertThat(JsonPointers.at(tree, "/")).isSameAs(tree);
    assertThatThrownBy(() -> JsonPointers.at(tree, "runId")).hasMessage("'runId' is not a JSON pointer (it must start with '/')");
  }
}
