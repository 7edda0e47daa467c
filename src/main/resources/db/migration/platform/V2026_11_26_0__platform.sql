-- Spring Modulith event publication registry: events between modules survive a crash.
create table event_publication (
  id                     uuid not null primary key,
  listener_id            varchar(512) not null,
  event_type             varchar(512) not null,
  serialized_event       varchar(20000) not null,
  publication_date       timestamp(6) with time zone not null,
  completion_date        timestamp(6) with time zone,
  status                 varchar(20),
  completion_attempts    int,
  last_resubmission_date timestamp(6) with time zone
);
create index event_publication_by_completion_date on event_publication (completion_date);

-- ShedLock: a scheduled job runs on one instance of the cluster at a time.
create table shedlock (
  name       varchar(64) not null primary key,
  lock_until timestamp(3) not null,
  locked_at  timestamp(3) not null,
  locked_by  varchar(255) not null
);

-- History of scheduled job runs (which instance ran what, when).
create table job_run (
  id          uuid not null primary key,
  job         varchar(100) not null,
  instance    varchar(200) not null,
  started_at  timestamp(6) with time zone not null,
  finished_at timestamp(6) with time zone,
  outcome     varchar(500)
);
create index job_run_by_job on job_run (job, started_at);
