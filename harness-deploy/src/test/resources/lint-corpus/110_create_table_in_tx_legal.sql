BEGIN;
SET LOCAL lock_timeout = '1s';
SET LOCAL statement_timeout = '5s';
CREATE TABLE accounts (id bigint PRIMARY KEY, owner_id bigint REFERENCES users (id));
DROP TABLE IF EXISTS old_accounts;
COMMIT;
