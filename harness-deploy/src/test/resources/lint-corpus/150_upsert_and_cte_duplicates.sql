INSERT INTO orders (id, state) VALUES (1, 'a') ON CONFLICT (id) DO UPDATE SET state = excluded.state, state = 'b';
WITH moved AS (UPDATE orders SET state = 'x', state = 'y' RETURNING id) SELECT count(*) FROM moved;
