INSERT INTO orders (id, state, id) VALUES (1, 'new', 2);
INSERT INTO public.orders AS o (state, "state") VALUES ('a', 'b');
