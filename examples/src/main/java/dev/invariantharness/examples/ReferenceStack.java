package dev.invariantharness.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The in-process reference stack the example suites run against: the control service on a
 * loopback port and its source repository. The Khala and runtime services join it with their
 * modules.
 */
public final class ReferenceStack implements AutoCloseable {

  private final ReferenceControlService control;
  private final ReferenceRepository repository;

  private ReferenceStack(ReferenceControlService control, ReferenceRepository repository) {
    this.control = control;
    this.repository = repository;
  }

  /** Starts every service of the stack with the given defects; {@code brokenRepository} adds repository defects. */
  public static ReferenceStack start(ReferenceControlService.Variant variant, boolean brokenRepository) throws IOException {
    ReferenceRepository repository = ReferenceRepository.write(brokenRepository);
    try {
      return new ReferenceStack(ReferenceControlService.start(variant), repository);
    } catch (IOException | RuntimeException e) {
      repository.close();
      throw e;
    }
  }

  /** Root of the service's source repository. */
  public Path repository() {
    return repository.root();
  }

  /** Base URL of the control service. */
  public URI control() {
    return control.baseUrl();
  }

  @Override
  public void close() throws IOException {
    try {
      control.close();
    } finally {
      repository.close();
    }
  }
}
