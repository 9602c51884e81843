/**
 * Migration lint (INV-09, expand / migrate / contract) with squawk 2.x's rule names, messages and
 * JSON reporter format, plus the harness's overlap-window rule: a destructive statement blocks
 * INV-09 only while a mixed-version window is open. Syntax is judged by PostgreSQL's own parser
 * (the shared server, nothing executed); rules work on tokens of PostgreSQL's lexical grammar.
 *
 * <pre>{@code
 * LintReport r = MigrationLinter.squawkDefaults().lint(List.of(Path.of("migrations/0042_drop_email.sql")));
 * r.duringOverlap(true).assertNoBlocking();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.invariantharness.deploy.lint;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
