/** Catalog queries and rolled-back write attempts behind {@link dev.invariantharness.deploy.isolation.PlaneIsolation}. */
package dev.invariantharness.deploy.isolation.internal;
