-- Data-subject requests (GDPR art. 12 to 22): the request, its history, links, reminders,
-- what each data-holding module did, and response packages.

create table rights_request (
  id                  uuid not null primary key,
  reference           varchar(20) not null unique,
  request_type        varchar(20) not null,
  status              varchar(30) not null,
  channel             varchar(10) not null,
  requester_name      varchar(200),                 -- null once anonymised after the retention period
  email               varchar(320),                 -- stored lower-case; null once anonymised
  language            varchar(5) not null,
  visitor_id          varchar(64),
  details             varchar(5000),
  received_on         date not null,                -- in the organisation's time zone
  received_at         timestamp(6) with time zone not null,
  first_due_on        date not null,                -- end of the first month (extensions, refusals)
  due_on              date not null,
  suspended_days      int not null,
  suspended_since     date,                         -- set while waiting for the requester
  resume_status       varchar(30),
  extended            boolean not null,
  extension_reason    varchar(5000),
  extended_on         date,
  verified_at         timestamp(6) with time zone,
  verification_means  varchar(200),
  assignee_id         uuid,
  closed_at           timestamp(6) with time zone,
  closing_text        varchar(5000),
  answered_late       boolean not null,
  anonymised_at       timestamp(6) with time zone,
  version             int not null
);
create index rights_request_by_status on rights_request (status, due_on);
create index rights_request_by_email on rights_request (email);

-- Every step of a request, in order. The text holds the staff's or the requester's words and stays
-- here (the audit trail gets the summary only).
create table rights_step (
  id          uuid not null primary key,
  request_id  uuid not null references rights_request (id),
  at          timestamp(6) with time zone not null,
  actor       varchar(200) not null,
  kind        varchar(40) not null,
  summary     varchar(1000) not null,
  text        varchar(5000)
);
create index rights_step_by_request on rights_step (request_id, at);

-- One-time verification links: only the SHA-256 of the secret is stored.
create table rights_link (
  id          uuid not null primary key,
  request_id  uuid not null references rights_request (id),
  purpose     varchar(20) not null,
  token_hash  varchar(64) not null unique,
  created_at  timestamp(6) with time zone not null,
  expires_at  timestamp(6) with time zone not null,
  used_at     timestamp(6) with time zone
);

-- Reminders and escalations sent: each at most once per request, kind and due date, whichever
-- instance of the cluster sends it.
create table rights_reminder (
  request_id  uuid not null references rights_request (id),
  kind        varchar(20) not null,
  due_on      date not null,
  sent_at     timestamp(6) with time zone not null,
  recipients  int not null,
  primary key (request_id, kind, due_on)
);

-- What each data-holding module did for a request (export, erasure, restriction, ...), or an
-- exception recorded by staff (art. 17(3)).
create table rights_fulfilment (
  id          uuid not null primary key,
  request_id  uuid not null references rights_request (id),
  holder      varchar(100) not null,
  action      varchar(20) not null,
  outcome     varchar(20) not null,
  records     int not null,
  detail      varchar(2000),
  at          timestamp(6) with time zone not null,
  actor       varchar(200) not null
);
create index rights_fulfilment_by_request on rights_fulfilment (request_id, at);

-- Response packages for access and portability. The content is deleted when the download link
-- expires; the hash and the inventory stay as proof of what was delivered.
create table rights_package (
  id                   uuid not null primary key,
  request_id           uuid not null references rights_request (id),
  token_hash           varchar(64) not null unique,
  created_at           timestamp(6) with time zone not null,
  expires_at           timestamp(6) with time zone not null,
  content              bytea,
  size_bytes           bigint not null,
  sha256               varchar(64) not null,
  inventory            varchar(4000) not null,
  downloads            int not null,
  first_downloaded_at  timestamp(6) with time zone
);
create index rights_package_by_request on rights_package (request_id);
