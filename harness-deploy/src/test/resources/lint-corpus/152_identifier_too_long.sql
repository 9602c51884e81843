SET lock_timeout = '1s';
SET statement_timeout = '5s';
CREATE TABLE IF NOT EXISTS orders_fulfilment_reconciliation_snapshot_per_region_and_warehouse (id bigint);
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_fulfilment_reconciliation_snapshot_per_region_and_warehouse_idx ON orders_fulfilment_reconciliation_snapshot_per_region_and_warehouse (id);
ALTER TABLE orders ADD COLUMN IF NOT EXISTS "Fulfilment_Reconciliation_Snapshot_Per_Region_And_Warehouse_Id" bigint;
