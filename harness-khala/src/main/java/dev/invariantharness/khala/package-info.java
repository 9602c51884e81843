/**
 * Khala live-sync checks: the root holds the module's entry points; capabilities live in {@code replay}, {@code wire}, {@code live} and {@code fake}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.khala;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
