SET lock_timeout = '1s';
SET statement_timeout = '5s';
CLUSTER orders USING orders_pkey;
VACUUM FULL orders;
VACUUM (FULL, ANALYZE) invoices;
CLUSTER;
