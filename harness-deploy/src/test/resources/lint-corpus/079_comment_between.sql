ALTER TABLE users /* keep */ DROP COLUMN email;
