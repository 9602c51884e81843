/**
 * Implementation of {@code dev.invariantharness.khala.fake}. Internal: users must not import this
 * package; its types change without notice.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.khala.fake.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
