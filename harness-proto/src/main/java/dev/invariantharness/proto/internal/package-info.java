/**
 * Implementation of the proto checks: protoc resolution and invocation, buf.yaml / buf.work.yaml
 * reading, the element model over descriptors with source info, and the rules. Not API.
 */
@API(status = INTERNAL, since = "0.1")
package dev.invariantharness.proto.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
