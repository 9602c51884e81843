INSERT INTO settings (k, v) VALUES ('a', 'b');
SELECT count(*) FROM settings;
GRANT SELECT ON settings TO reader;
