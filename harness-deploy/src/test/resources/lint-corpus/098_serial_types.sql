CREATE TABLE IF NOT EXISTS seqs (a serial, b bigserial, c smallserial, d serial8, e serial4 PRIMARY KEY);
