/** The HTTP JSON surface: routes asked through harness-core's bounded HTTP prober. */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
