-- What a connected system sent back for an access or portability request, for the response
-- package: one row per dataset, its rows as a JSON array (UTF-8). Deleted by the nightly job once
-- the request is closed and no package holds a downloadable copy.
create table rights_system_data (
  id           uuid not null primary key,
  task_id      uuid not null references rights_system_task (id),
  request_id   uuid not null references rights_request (id),
  system       varchar(50) not null,
  dataset      varchar(63) not null,
  records      int not null,
  content      bytea not null,
  received_at  timestamp(6) with time zone not null,
  unique (task_id, dataset)
);
create index rights_system_data_by_request on rights_system_data (request_id);

-- The art. 15(1) information a system gave with its data (purposes, categories, recipients,
-- retention, source), as JSON.
alter table rights_system_task add column information varchar(6000);
