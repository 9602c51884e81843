ALTER TABLE users ALTER id TYPE bigint;
