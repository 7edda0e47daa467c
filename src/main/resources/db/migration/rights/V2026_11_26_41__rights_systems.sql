-- Other systems told of a request through a signed webhook, and what they reported back. A request
-- completes only when every system connected for its type reported, or staff overrode it.
create table rights_system_task (
  id               uuid not null primary key,
  request_id       uuid not null references rights_request (id),
  system           varchar(50) not null,
  status           varchar(20) not null,              -- PENDING, DELIVERED, FAILED, DONE, REPORTED_FAILED, OVERRIDDEN
  attempts         int not null,
  next_attempt_at  timestamp(6) with time zone,       -- while PENDING; also the lease of the instance sending it
  last_error       varchar(500),
  created_at       timestamp(6) with time zone not null,
  delivered_at     timestamp(6) with time zone,
  reported_at      timestamp(6) with time zone,
  report           varchar(2000),
  unique (request_id, system)
);
create index rights_system_task_due on rights_system_task (status, next_attempt_at);
