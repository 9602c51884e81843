/** Hashing, atomic file replacement and JSON plumbing behind the backfill API. */
package dev.invariantharness.deploy.backfill.internal;
