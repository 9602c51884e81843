CREATE TABLE IF NOT EXISTS q (a pg_catalog.int4, b public.mytype, c pg_catalog.varchar(5), d pg_catalog.timestamp);
