ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
ALTER TABLE users ADD CONSTRAINT users_pk PRIMARY KEY USING INDEX users_id_idx;
