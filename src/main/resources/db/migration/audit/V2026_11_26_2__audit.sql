-- Append-only, hash-chained audit trail. Each entry's hash covers its content and the previous hash.
create table audit_entry (
  seq          bigint not null primary key,
  occurred_at  timestamp(6) with time zone not null,
  actor        varchar(200) not null,
  action       varchar(100) not null,
  entity_type  varchar(100) not null,
  entity_id    varchar(100),
  summary      varchar(2000) not null,
  prev_hash    varchar(64) not null,
  hash         varchar(64) not null
);
create index audit_entry_by_time on audit_entry (occurred_at);
create index audit_entry_by_entity on audit_entry (entity_type, entity_id);

-- The chain head: one row, locked while an entry is appended so that appends are serialised
-- across threads and instances.
create table audit_head (
  id        int not null primary key,
  last_seq  bigint not null,
  last_hash varchar(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
