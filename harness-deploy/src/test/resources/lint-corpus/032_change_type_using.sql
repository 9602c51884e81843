ALTER TABLE users ALTER COLUMN created TYPE timestamptz USING created AT TIME ZONE 'UTC';
