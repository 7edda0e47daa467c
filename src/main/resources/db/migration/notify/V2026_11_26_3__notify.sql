create table outbox_message (
  id          uuid not null primary key,
  created_at  timestamp(6) with time zone not null,
  recipient   varchar(320) not null,
  subject     varchar(300) not null,
  body        varchar(20000) not null,
  template    varchar(100) not null,
  language    varchar(5) not null,
  status      varchar(20) not null,
  attempts    int not null default 0,
  last_error  varchar(500),
  sent_at     timestamp(6) with time zone
);
create index outbox_message_by_status on outbox_message (status, created_at);
