ALTER SEQUENCE users_id_seq RENAME TO people_id_seq;
