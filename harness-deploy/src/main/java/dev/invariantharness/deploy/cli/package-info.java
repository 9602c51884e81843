/**
 * The {@code harness-deploy} command line ({@code java -jar harness-deploy-VERSION-cli.jar}):
 * {@code verify}, {@code rollback-drill}, {@code rollback}, {@code run-harness},
 * {@code verify-evidence}, {@code keygen} and {@code lint-migrations}. Exit 0 when everything
 * holds, 1 on findings, 2 on bad input.
 *
 * <pre>{@code
 * java -jar harness-deploy-cli.jar verify manifests/20260222T100000Z.json --root apps/openagents.com
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.cli;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
