-- squawk-ignore ban-drop-column
ALTER TABLE users DROP COLUMN email;
