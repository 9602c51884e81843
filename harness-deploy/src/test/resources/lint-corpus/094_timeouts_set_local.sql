BEGIN;
SET LOCAL lock_timeout TO '1s';
ALTER TABLE users ADD COLUMN nickname text;
COMMIT;
