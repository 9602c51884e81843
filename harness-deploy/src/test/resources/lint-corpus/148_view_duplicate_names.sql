CREATE VIEW order_totals AS SELECT o.id, c.id, count(*), count(o.id), 1 AS n, 2 n FROM orders o JOIN customers c ON c.id = o.customer_id;
CREATE OR REPLACE VIEW order_states (state, state) AS SELECT state, note FROM orders;
CREATE MATERIALIZED VIEW order_flags AS SELECT CASE WHEN paid THEN 1 END, CASE WHEN shipped THEN 1 END, 1, 2 FROM orders;
CREATE VIEW order_parens AS SELECT (id), (id) FROM orders;
