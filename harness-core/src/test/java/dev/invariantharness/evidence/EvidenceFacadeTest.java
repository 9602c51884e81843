package dev.invariantharness.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.invariantharness.evidence.internal.CurrentEvidence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFacadeTest {

  @TempDir Path staging;

  @Test
  void outsideAHarnessTestEveryCallIsANoOp() throws Exception {
    assertThat(Evidence.isActive()).isFalse();
    assertThat(Evidence.current()).isEmpty();
    assertThat(Evidence.text("a", "b")).isNull();
    assertThat(Evidence.http(null)).isNull();
    assertThat(Evidence.frames("f", List.of("x"))).isNull();
    assertThat(Evidence.diff("d", "a", "b")).isNull();
    try (Stream<Path> entries = Files.list(staging)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void whileBoundEvidenceGoesToTheBoundLog() {
    EvidenceLog log = new EvidenceLog(staging, "FacadeTest.bound", Redactor.defaults());

    CurrentEvidence.Binding binding = CurrentEvidence.bind(log);
    try {
      assertThat(Evidence.isActive()).isTrue();
      assertThat(Evidence.current()).containsSame(log);
      EvidenceRef ref = Evidence.text("note", "Authorization: Bearer abc");

      assertThat(ref.path()).isEqualTo("evidence/FacadeTest-bound/001-note.txt");
      assertThat(staging.resolve(ref.path())).hasContent("Authorization: Bearer [REDACTED]");
    } finally {
      binding.close();
    }

    assertThat(Evidence.isActive()).isFalse();
    assertThat(log.list()).hasSize(1);
  }

  @Test
  void everyKindOfEvidenceAttachedThroughTheFacadeIsReferenced() {
    EvidenceLog log = new EvidenceLog(staging, "FacadeTest.kinds", Redactor.defaults());

    try (CurrentEvidence.Binding binding = CurrentEvidence.bind(log)) {
      EvidenceRef http = Evidence.http(new HttpExchange("GET", "https://h/x", null, null, 200, null, "ok", null));
      EvidenceRef frames = Evidence.frames("socket", List.of("[1]"));
      EvidenceRef diff = Evidence.diff("bodies", "a", "b");

      assertThat(List.of(http, frames, diff)).extracting(EvidenceRef::kind).containsExactly("http", "frames", "diff");
      assertThat(log.list()).containsExactly(http, frames, diff);
    }
  }

  @Test
  void bindingsNestRestoreThePreviousLogAndCloseOnce() {
    EvidenceLog outer = new EvidenceLog(staging, "outer", Redactor.defaults());
    EvidenceLog inner = new EvidenceLog(staging, "inner", Redactor.defaults());

    CurrentEvidence.Binding first = CurrentEvidence.bind(outer);
    CurrentEvidence.Binding second = CurrentEvidence.bind(inner);
    assertThat(Evidence.current()).containsSame(inner);

    second.close();
    second.close();
    assertThat(Evidence.current()).containsSame(outer);

    first.close();
    assertThat(Evidence.current()).isEmpty();
  }

  @Test
  void otherThreadsSeeNoBindingAndCannotCloseIt() throws Exception {
    EvidenceLog log = new EvidenceLog(staging, "threads", Redactor.defaults());

    try (CurrentEvidence.Binding binding = CurrentEvidence.bind(log)) {
      Optional<EvidenceLog> seenElsewhere =
          CompletableFuture.supplyAsync(Evidence::current).get(10, TimeUnit.SECONDS);
      Throwable closeElsewhere = CompletableFuture.runAsync(binding::close)
          .handle((ok, error) -> error).get(10, TimeUnit.SECONDS);

      assertThat(seenElsewhere).isEmpty();
      assertThat(closeElsewhere).hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("must be closed on the thread that opened it");
      assertThat(Evidence.current()).containsSame(log);
    }
    assertThat(Evidence.current()).isEmpty();
  }

  @Test
  void aCapturedLogWorksFromACallbackThread() throws Exception {
    EvidenceLog log = new EvidenceLog(staging, "callbacks", Redactor.defaults());

    CurrentEvidence.Binding binding = CurrentEvidence.bind(log);
    try {
      Optional<EvidenceLog> captured = Evidence.current();
      CompletableFuture.runAsync(() -> captured.ifPresent(l -> l.text("late frame", "{\"seq\":9}")))
          .get(10, TimeUnit.SECONDS);
    } finally {
      binding.close();
    }

    assertThat(log.list()).extracting(EvidenceRef::name).containsExactly("late frame");
  }

  @Test
  void bindingNullIsRejected() {
    assertThatThrownBy(() -> CurrentEvidence.bind(null)).isInstanceOf(NullPointerException.class);
  }
}
