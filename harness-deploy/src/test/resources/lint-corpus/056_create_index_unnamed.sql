CREATE INDEX ON users (lower(email));
