/**
 * Implementation of shadow parity: artifact field extraction, WireMock and JSONL recording
 * readers, JSON normalisation and diffing, the bounded HTTP replayer, the report's JSON codec.
 * Internal: users must not import this package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.runtime.parity.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
