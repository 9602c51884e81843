/**
 * Reference deploy targets for the mixed-version deploy safety gates: a three-plane database,
 * sqlx migrations and their history, a contract migration with its deploy descriptor and a
 * backfill storage tree, each correct or deliberately broken by {@link
 * dev.invariantharness.examples.deploy.DeployReference#VARIANT}.
 */
package dev.invariantharness.examples.deploy;
