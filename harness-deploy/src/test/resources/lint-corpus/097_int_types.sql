CREATE TABLE IF NOT EXISTS counters (id int, n integer, m int4, small smallint, tiny int2, tags integer[]);
