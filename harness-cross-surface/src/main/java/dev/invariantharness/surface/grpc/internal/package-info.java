/** gRPC plumbing of the cross-surface harness (reflection client, dynamic marshalling); not API. */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.surface.grpc.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
