ALTER TABLE users ALTER COLUMN email DROP NOT NULL; -- squawk-ignore ban-drop-not-null
