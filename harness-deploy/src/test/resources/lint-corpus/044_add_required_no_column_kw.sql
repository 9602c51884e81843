ALTER TABLE users ADD age bigint NOT NULL;
