SET lock_timeout = '1s';
SET statement_timeout = '5s';
VACUUM orders;
VACUUM (ANALYZE, VERBOSE) invoices;
ANALYZE orders;
