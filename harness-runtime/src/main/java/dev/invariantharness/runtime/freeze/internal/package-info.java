/**
 * Implementation of the write-mode freeze checks: bounded-concurrency HTTP probing, error-body
 * shapes, request bodies generated from OpenAPI schemas, state snapshots and verdicts. Internal:
 * users must not import this package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.runtime.freeze.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
