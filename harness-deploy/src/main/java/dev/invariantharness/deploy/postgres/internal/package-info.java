/** Provisioning behind {@link dev.invariantharness.deploy.postgres.PostgresServers}. */
package dev.invariantharness.deploy.postgres.internal;
