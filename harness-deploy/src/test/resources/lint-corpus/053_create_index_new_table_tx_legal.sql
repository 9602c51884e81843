BEGIN;
CREATE TABLE t (id bigint);
CREATE INDEX t_idx ON t (id);
COMMIT;
