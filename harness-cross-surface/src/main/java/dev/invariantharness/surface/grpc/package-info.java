/**
 * The gRPC surface: unary calls by dynamic invocation from descriptors (server reflection or a
 * descriptor set), {@link com.google.protobuf.DynamicMessage} requests and answers, no generated
 * stubs.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.surface.grpc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
