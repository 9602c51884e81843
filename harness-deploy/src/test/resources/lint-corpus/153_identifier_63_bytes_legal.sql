SET lock_timeout = '1s';
SET statement_timeout = '5s';
CREATE TABLE IF NOT EXISTS fulfilment_reconciliation_snapshot_per_region_and_warehouse_x (id bigint);
COMMENT ON TABLE orders IS 'fulfilment_reconciliation_snapshot_per_region_and_warehouse_and_more';
-- fulfilment_reconciliation_snapshot_per_region_and_warehouse_and_more
ALTER TABLE orders ADD COLUMN IF NOT EXISTS "fulfilment reconciliation snapshot per region and warehouse x" bigint;
