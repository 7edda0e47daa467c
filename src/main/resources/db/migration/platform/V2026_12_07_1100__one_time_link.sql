-- One table of one-time links for every module (OneTimeLinks), in place of identity's user_link
-- and rights' rights_link. Only the SHA-256 of each secret is stored. The subject is the issuing
-- module's id (a user, a request), without a foreign key: the module deletes its subjects' links.
create table one_time_link (
  id          uuid not null primary key,
  purpose     varchar(40) not null,
  subject_id  uuid not null,
  token_hash  varchar(64) not null unique,
  created_at  timestamp(6) with time zone not null,
  expires_at  timestamp(6) with time zone not null,
  used_at     timestamp(6) with time zone
);
create index one_time_link_by_subject on one_time_link (subject_id, purpose);

-- Every existing link is kept, used or not; its purpose gets its module's name, so none clash.
insert into one_time_link (id, purpose, subject_id, token_hash, created_at, expires_at, used_at)
  select id, 'identity.' || lower(purpose), user_id, token_hash, created_at, expires_at, used_at from user_link;
insert into one_time_link (id, purpose, subject_id, token_hash, created_at, expires_at, used_at)
  select id, 'rights.' || lower(purpose), request_id, token_hash, created_at, expires_at, used_at from rights_link;

drop table user_link;
drop table rights_link;
