SET lock_timeout = '1s';
SET statement_timeout = '5s';
-- immutable from PostgreSQL 17, unknown to PostgreSQL 14's list: squawk flags it
ALTER TABLE orders ADD COLUMN IF NOT EXISTS unicode text DEFAULT unicode_version();
-- stable in PostgreSQL 14, gone in 15: squawk accepts it
ALTER TABLE orders ADD COLUMN IF NOT EXISTS backup_at timestamptz DEFAULT pg_backup_start_time();
