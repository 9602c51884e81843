BEGIN;
CREATE TABLE IF NOT EXISTS t (id bigint, email text);
ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE (email);
ALTER TABLE t ADD CONSTRAINT t_id_check CHECK (id > 0);
COMMIT;
