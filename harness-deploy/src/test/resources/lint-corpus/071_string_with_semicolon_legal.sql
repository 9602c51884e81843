INSERT INTO notes (body) VALUES ('DROP TABLE users; -- not a statement');
