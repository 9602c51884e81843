BEGIN;
CREATE TABLE t (id bigint);
CREATE INDEX u_idx ON users (id);
COMMIT;
