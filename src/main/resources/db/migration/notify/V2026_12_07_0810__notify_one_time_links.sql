-- One-time links in messages (invitations, requesters' confirmation, withdrawal and download links)
-- are for their addressee only. body is what readers of the outbox see, the links masked;
-- body_to_send holds the whole text only until the message is sent or given up, then it is cleared.
alter table outbox_message add column body_to_send varchar(20000);

-- The links of each message, masked, with the SHA-256 of their secret: enough for the module that
-- issued a link to say whether it still works, not enough to use it.
create table outbox_link (
  message_id   uuid not null references outbox_message (id) on delete cascade,
  seq          int not null,
  address      varchar(2000) not null,
  secret_hash  varchar(64) not null,
  primary key (message_id, seq)
);

-- Messages stored before this version: every one-time secret Charter made is 43 characters of
-- base64url right after a slash. Mask them; a message not sent yet keeps its whole text to send.
update outbox_message set body_to_send = body
  where status in ('PENDING', 'HELD')
    and body <> regexp_replace(body, '(?<=/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '••••••••', 'g');
update outbox_message set body = regexp_replace(body, '(?<=/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '••••••••', 'g')
  where body <> regexp_replace(body, '(?<=/)[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])', '••••••••', 'g');
