SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_state_nn CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE orders ALTER COLUMN state SET NOT NULL;
