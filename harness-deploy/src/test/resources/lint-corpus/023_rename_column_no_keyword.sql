ALTER TABLE users RENAME email TO mail;
