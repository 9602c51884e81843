/** Implementation of the bounded HTTP prober; not an API. */
@API(status = INTERNAL)
package dev.invariantharness.http.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
