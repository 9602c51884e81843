/**
 * The invariant catalogue: data, loaded from a resource and extendable or replaceable by the user.
 */
@API(status = STABLE, since = "0.1")
package dev.invariantharness.catalogue;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
