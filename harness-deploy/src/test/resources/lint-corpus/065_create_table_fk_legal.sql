CREATE TABLE memberships (user_id bigint REFERENCES users (id), org_id bigint);
