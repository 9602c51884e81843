ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age > 0);
ALTER TABLE users ADD CHECK (age < 200);
