/**
 * A command line that can stand in for {@code buf lint} and {@code buf breaking} in scripts:
 * {@link dev.invariantharness.proto.cli.ProtoCli}.
 */
package dev.invariantharness.proto.cli;
