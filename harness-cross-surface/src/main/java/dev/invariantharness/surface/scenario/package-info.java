/** The contract scenario: named steps, expected outcomes, captures and deadlines, in YAML/JSON or built in Java. */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface.scenario;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
