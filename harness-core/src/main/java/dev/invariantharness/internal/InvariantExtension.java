package dev.invariantharness.internal;

import org.junit.jupiter.api.extension.Extension;

/** Engine glue behind {@code @InvariantTest}. Users must not import this package. */
public final class InvariantExtension implements Extension {}
