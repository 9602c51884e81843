-- squawk-ignore-file
DROP TABLE a;
ALTER TABLE b DROP COLUMN c;
