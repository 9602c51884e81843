/** HTTP probing and response comparison behind the route rollback drill. */
package dev.invariantharness.deploy.rollback.internal;
