UPDATE orders SET address.city = 'Oslo', address.zip = '0150';
UPDATE orders SET tags[1] = 'a', tags[2] = 'b';
UPDATE orders SET "State" = 'x', state = 'y';
INSERT INTO orders (id, state) SELECT 1 AS x, 2 AS x;
CREATE TABLE IF NOT EXISTS order_copy AS SELECT 1 AS a, 2 AS a;
SELECT id, id FROM orders;
CREATE VIEW order_casts AS SELECT state::text, note::text, x.*, y.* FROM orders x, orders y;
CREATE VIEW order_sub AS SELECT id FROM (SELECT 1 AS z, 2 AS z) s;
CREATE TABLE IF NOT EXISTS order_like (LIKE orders, extra bigint, LIKE invoices);
