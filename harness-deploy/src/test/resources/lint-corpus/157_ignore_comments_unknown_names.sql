SET lock_timeout = '1s';
SET statement_timeout = '5s';
-- squawk-ignore ban-drop-table, not-a-rule
DROP TABLE IF EXISTS a;
-- squawk-ignore-file  bogus
  -- squawk-ignore ban-drop-column ban-drop-table
DROP TABLE IF EXISTS b;
/* squawk-ignore ban-drop-table */
DROP TABLE IF EXISTS c;
/* squawk-ignore nope, ban-drop-table */ DROP TABLE IF EXISTS d;
-- squawk-ignore require-timeout-settings, prefer-robust-stmts -- we set them in the runner
DROP INDEX CONCURRENTLY e_idx;
-- Squawk-ignore ban-drop-table
DROP TABLE IF EXISTS f;
