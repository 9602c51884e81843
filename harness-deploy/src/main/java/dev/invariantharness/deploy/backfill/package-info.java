/**
 * Mixed-version backfill safety: verify a backfill manifest ({@code openagents.rust_store_migration.v1}),
 * run the rollback drill from the same manifest with atomic restores, and write signed harness
 * evidence ({@code checks.jsonl}, {@code summary.json}, {@code SUMMARY.md}, a detached Ed25519
 * signature).
 *
 * <pre>{@code
 * BackfillManifest manifest = BackfillManifest.read(Path.of("manifests/2026-02-22.json"));
 * ManifestVerifier.against(CountBaseline.defaults()).verify(manifest, root).assertNone();
 * RollbackDrill.into(scratch).run(manifest, root).assertNone();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.backfill;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
