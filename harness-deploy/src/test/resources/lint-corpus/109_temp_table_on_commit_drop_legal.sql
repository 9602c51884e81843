CREATE TEMP TABLE scratch (id bigint) ON COMMIT DROP;
