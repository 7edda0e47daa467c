-- The one-time setup link printed at a first start without administrator. One row, always there:
-- a start replaces its hash (the link printed last is the one that works); creating the first
-- administrator claims it with a conditional update, in the same transaction, so that of several
-- simultaneous uses exactly one wins. Only the SHA-256 of the secret is stored.
create table setup_link (
  id          int not null primary key,
  token_hash  varchar(64),
  created_at  timestamp(6) with time zone,
  used_at     timestamp(6) with time zone,
  constraint setup_link_single_row check (id = 1)
);
insert into setup_link (id) values (1);
