package dev.invariantharness.samples;

import dev.invariantharness.fixture.FixtureContext;
import dev.invariantharness.fixture.FixtureProvider;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fixture providers the harness's own tests register through ServiceLoader. */
public final class SampleFixtures {

  private SampleFixtures() {}

  /** A fixture that counts how often it was opened and closed. */
  public static final class Tracked implements AutoCloseable {
    public static final AtomicInteger OPENED = new AtomicInteger();
    public static final AtomicInteger CLOSED = new AtomicInteger();

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }
  }

  /** A fixture whose target never answers: creating it blocks until interrupted. */
  public static final class Unreachable {}

  /** A fixture that hangs while closing. */
  public static final class StuckOnClose implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      new CountDownLatch(1).await(1, TimeUnit.MINUTES);
    }
  }

  public static final class TrackedProvider implements FixtureProvider<Tracked> {
    @Override
    public Class<Tracked> type() {
      return Tracked.class;
    }

    @Override
    public Tracked create(FixtureContext context) {
      Tracked.OPENED.incrementAndGet();
      return new Tracked();
    }
  }

  public static final class UnreachableProvider implements FixtureProvider<Unreachable> {
    @Override
    public Class<Unreachable> type() {
      return Unreachable.class;
    }

    @Override
    public Unreachable create(FixtureContext context) throws InterruptedException {
      new CountDownLatch(1).await(1, TimeUnit.MINUTES);
      return new Unreachable();
    }
  }

  public static final class StuckOnCloseProvider implements FixtureProvider<StuckOnClose> {
    @Override
    public Class<StuckOnClose> type() {
      return StuckOnClose.class;
    }

    @Override
    public StuckOnClose create(FixtureContext context) {
      return new StuckOnClose();
    }
  }
}
