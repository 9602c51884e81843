CREATE FUNCTION one() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
