SET lock_timeout = '1s';
SET statement_timeout = '5s';
-- the NOT VALID check was added by an earlier migration
ALTER TABLE orders VALIDATE CONSTRAINT orders_state_nn;
ALTER TABLE orders
  ALTER COLUMN state
  SET NOT NULL;
