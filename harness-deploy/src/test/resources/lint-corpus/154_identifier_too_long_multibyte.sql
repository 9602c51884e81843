SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS "éééééééééééééééééééééééééééééééé" bigint;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS "ééééééééééééééééééééééééééééééé" bigint, ADD COLUMN IF NOT EXISTS "üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü" bigint;
