CREATE TABLE IF NOT EXISTS times (a timestamp, b timestamp without time zone, c timestamp with time zone, d timestamptz, e timestamp(3), f time);
