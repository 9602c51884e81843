UPDATE orders SET state = 'paid', paid_at = now(), state = 'shipped' WHERE id = 1;
UPDATE orders SET (state, note) = ('a', 'b'), Note = 'c';
UPDATE orders SET "Note" = 'x', note = 'y';
