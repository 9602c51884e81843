ALTER TABLE runtime.runs RENAME COLUMN state TO status;
