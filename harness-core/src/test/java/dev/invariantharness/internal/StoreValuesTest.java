package dev.invariantharness.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.BeforeEachCallback;

class StoreValuesTest {

  static ExtensionContext seen;

  @RegisterExtension
  static final BeforeEachCallback CAPTURE = context -> seen = context;

  @Test
  void onJupiter5TheStoresOwnMethodIsUsedAndOnJUnit6ItsSuccessor() {
    String version = ExtensionContext.class.getPackage().getImplementationVersion();
    assertThat(StoreValues.usesComputeIfAbsent()).as("JUnit " + version).isEqualTo(version != null && !version.startsWith("5."));
  }

  @Test
  void aValueIsCreatedOnceAndThenFound() {
    Store store = seen.getStore(Namespace.create(StoreValuesTest.class));
    int[] created = new int[1];
    String first = StoreValues.computeIfAbsent(store, "k", k -> "v" + ++created[0], String.class);
    String second = StoreValues.computeIfAbsent(store, "k", k -> "v" + ++created[0], String.class);
    assertThat(first).isEqualTo("v1");
    assertThat(second).isEqualTo("v1");
    assertThat(created[0]).isEqualTo(1);
  }
}
