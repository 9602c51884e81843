alter table users alter column id type bigint;
drop table foo;
