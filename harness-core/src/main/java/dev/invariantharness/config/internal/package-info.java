/** Implementation of {@code dev.invariantharness.config}: reading the user's files. Internal: users must not import this package. */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.config.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
