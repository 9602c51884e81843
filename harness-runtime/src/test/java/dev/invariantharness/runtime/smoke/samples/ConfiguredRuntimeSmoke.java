package dev.invariantharness.runtime.smoke.samples;

import dev.invariantharness.runtime.smoke.RuntimeSmokeSuite;

/** The one-line recipe: every target from configuration. Run nested by {@code SmokeSuitesTest}. */
public class ConfiguredRuntimeSmoke extends RuntimeSmokeSuite {}
