package dev.invariantharness.examples.runtime.smoke.samples;

import dev.invariantharness.runtime.smoke.RuntimeSmokeSuite;

/**
 * The one-line recipe a team uses against a deployed runtime: every target comes from
 * configuration. Run only nested, by {@code BrokenSmokeIsNoGoTest}, to show what a missing base
 * URL does.
 */
public class ConfiguredRuntimeSmoke extends RuntimeSmokeSuite {}
