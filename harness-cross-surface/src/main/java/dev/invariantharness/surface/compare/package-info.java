/**
 * The proto-typed canonical form of answers, volatile-field rules as JSON pointers, and a
 * structural diff (path, left, right).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface.compare;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
