/** History-table readers and migration-file scanners behind {@link dev.invariantharness.deploy.migration.MigrationDrift}. */
package dev.invariantharness.deploy.migration.internal;
