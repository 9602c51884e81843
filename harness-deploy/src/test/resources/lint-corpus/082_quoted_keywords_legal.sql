ALTER TABLE users ADD COLUMN "drop" text;
