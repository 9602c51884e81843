-- squawk-ignore-file ban-drop-table, prefer-robust-stmts -- reviewed in PR 42
SET lock_timeout = '1s';
SET statement_timeout = '5s';
DROP TABLE old_orders;
