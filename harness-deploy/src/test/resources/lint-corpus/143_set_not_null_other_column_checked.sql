SET lock_timeout = '1s';
SET statement_timeout = '5s';
ALTER TABLE orders ADD CONSTRAINT orders_state_nn CHECK (state IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_state_nn;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
ALTER TABLE invoices ALTER COLUMN state SET NOT NULL;
