CREATE TABLE IF NOT EXISTS refunds (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  amount_cents bigint NOT NULL,
  "id" text,
  CONSTRAINT refunds_amount_ck CHECK (amount_cents > 0)
);
