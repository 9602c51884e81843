ALTER TABLE users ADD COLUMN IF NOT EXISTS a text;
SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE users ADD COLUMN IF NOT EXISTS b text;
