CREATE TABLE IF NOT EXISTS codes (a char(3), b character(2), c char, d bpchar, e "char");
