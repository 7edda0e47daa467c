-- The letters sent to the requester of a request: which outbox message holds each, so that staff
-- see what became of it (queued, sent, held, failed) and can read it. The message itself stays the
-- notify module's (and is purged with its outbox); this row keeps only the reference.
create table rights_letter (
  message_id  uuid not null primary key,
  request_id  uuid not null references rights_request (id),
  template    varchar(60) not null,
  at          timestamp(6) with time zone not null
);
create index rights_letter_by_request on rights_letter (request_id, at);
