ALTER TABLE users ADD COLUMN display_name text;
CREATE INDEX CONCURRENTLY users_display_name_idx ON users (display_name);
