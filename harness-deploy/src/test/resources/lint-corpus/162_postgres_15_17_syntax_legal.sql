SET lock_timeout = '1s';
SET statement_timeout = '5s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS orders_ref_key ON orders (external_ref) NULLS NOT DISTINCT;
MERGE INTO order_totals t USING orders o ON t.id = o.id
  WHEN MATCHED THEN UPDATE SET total = o.total
  WHEN NOT MATCHED THEN INSERT (id, total) VALUES (o.id, o.total);
SELECT JSON_OBJECT('id': 1);
