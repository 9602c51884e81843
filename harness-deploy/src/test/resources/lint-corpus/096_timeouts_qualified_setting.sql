SET app.lock_timeout = '1s';
SET statement_timeout = '5s';
TRUNCATE audit_log;
