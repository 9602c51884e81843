SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE orders ADD COLUMN IF NOT EXISTS public_id uuid DEFAULT gen_random_uuid();
ALTER TABLE orders ADD COLUMN IF NOT EXISTS jitter double precision DEFAULT random();
