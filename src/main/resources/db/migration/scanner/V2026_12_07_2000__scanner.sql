-- Cookie scans of the consent sites: one row per scan, its findings, and what it saw (for the diff and the evidence).
create table scan (
  id uuid primary key,
  site_key varchar(100) not null,
  status varchar(20) not null,
  requested_by varchar(200) not null,
  started_at timestamp with time zone not null,
  finished_at timestamp with time zone,
  pages_done integer not null default 0,
  pages_planned integer not null default 0,
  declaration_version integer,
  breaches integer not null default 0,
  undeclared integer not null default 0,
  failure varchar(500)
);
create index scan_site_started on scan (site_key, started_at);

create table scan_finding (
  scan_id uuid not null references scan (id) on delete cascade,
  position integer not null,
  kind varchar(40) not null,
  subject varchar(300) not null,
  page varchar(2000),
  evidence varchar(4000),
  category varchar(50),
  suggested_purpose varchar(2000),
  retention_days integer,
  third_party boolean not null default false,
  primary key (scan_id, position)
);

create table scan_observation (
  scan_id uuid not null references scan (id) on delete cascade,
  position integer not null,
  what varchar(10) not null,
  visit varchar(20) not null,
  name varchar(300) not null,
  domain varchar(300),
  path varchar(300),
  expires_at timestamp with time zone,
  third_party boolean not null default false,
  by_header boolean not null default false,
  page varchar(2000),
  primary key (scan_id, position)
);
