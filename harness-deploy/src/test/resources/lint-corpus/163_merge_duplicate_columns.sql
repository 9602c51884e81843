MERGE INTO order_totals t USING orders o ON t.id = o.id
  WHEN MATCHED THEN UPDATE SET total = o.total, total = 0
  WHEN NOT MATCHED THEN INSERT (id, total, id) VALUES (o.id, o.total, 1);
