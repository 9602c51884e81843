ALTER TABLE users ALTER COLUMN age TYPE integer USING age::integer;
