/** Subcommands and terminal progress of {@link dev.invariantharness.deploy.cli.DeployCommand}. */
package dev.invariantharness.deploy.cli.internal;
