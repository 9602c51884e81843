/** The harness's shared Jackson mappers ({@link dev.invariantharness.json.Json}). */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.json;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
