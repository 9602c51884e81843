package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;

/** Surefire, Gradle and IDEs pick the report listener up without any configuration. */
class ListenerRegistrationTest {

  @Test
  void reportListenerIsRegisteredThroughServiceLoader() {
    assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
        .contains(InvariantReportListener.class);
  }
}
