package dev.invariantharness.runtime.smoke.samples;

import dev.invariantharness.runtime.smoke.ControlSmokeSuite;

/** The one-line recipe: every target from configuration. Run nested by {@code SmokeSuitesTest}. */
public class ConfiguredControlSmoke extends ControlSmokeSuite {}
