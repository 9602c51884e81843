SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE public.orders ALTER state SET NOT NULL, ALTER COLUMN note DROP DEFAULT;
