ALTER TABLE users ADD COLUMN org_id bigint REFERENCES orgs (id);
