/**
 * The Khala wire formats behind one interface, {@link dev.invariantharness.khala.wire.SyncCodec}:
 * the Phoenix channel client surface ({@code sync:v1}, 5-element arrays) and the per-topic
 * internal lane (typed JSON frames). Decoding accepts every documented form and says which one
 * it saw ({@link dev.invariantharness.khala.wire.WireForm}); malformed input is a
 * {@link dev.invariantharness.khala.wire.SyncCodecException} naming the input.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.khala.wire;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
