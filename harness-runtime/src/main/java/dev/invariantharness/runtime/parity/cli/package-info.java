/**
 * The shadow parity command line: {@link dev.invariantharness.runtime.parity.cli.ShadowParityCommand}
 * with its {@code artifacts} and {@code traffic} subcommands. Exit codes: 0 allow, 1 block,
 * 2 bad input, 3 unexpected failure.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.runtime.parity.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
