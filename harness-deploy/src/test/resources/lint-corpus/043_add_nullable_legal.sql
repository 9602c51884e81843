ALTER TABLE users ADD COLUMN age bigint;
