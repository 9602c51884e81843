package dev.invariantharness.examples;

import java.io.IOException;
import java.net.URI;

/**
 * The in-process reference stack the example suites run against. Today it is the control
 * service; the Khala and runtime services join it with their modules.
 */
public final class ReferenceStack implements AutoCloseable {

  private final ReferenceControlService control;

  private ReferenceStack(ReferenceControlService control) {
    this.control = control;
  }

  /** Starts every service of the stack with the given defects. */
  public static ReferenceStack start(ReferenceControlService.Variant variant) throws IOException {
    return new ReferenceStack(ReferenceControlService.start(variant));
  }

  /** Base URL of the control service. */
  public URI control() {
    return control.baseUrl();
  }

  @Override
  public void close() {
    control.close();
  }
}
