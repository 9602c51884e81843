CREATE TABLE IF NOT EXISTS names (a varchar(10), b character varying(20), c varchar, d text, e character varying);
