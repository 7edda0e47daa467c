-- Consent statistics, pre-aggregated per site and UTC day from consent_record by the roll-up
-- (io.charter.consent.statistics). Counts only: no visitor id, no source, no query string.
-- A day is in these tables exactly when it has a row in consent_statistic_day; any other day
-- (today, a day not yet rolled up, a day changed by an erasure or restriction) is counted live
-- from consent_record, so a day is never counted twice. Existing records are rolled up by the
-- first runs of the roll-up after this migration.
create table consent_statistic_day (
  site_id    uuid not null references consent_site (id),
  on_day     date not null,
  rolled_at  timestamp(6) with time zone not null,
  primary key (site_id, on_day)
);

-- Records per (site, day, declaration version, language, method).
create table consent_statistic (
  site_id   uuid not null references consent_site (id),
  on_day    date not null,
  version   int not null,
  language  varchar(5) not null,
  method    varchar(20) not null,
  records   bigint not null,
  primary key (site_id, on_day, version, language, method)
);

-- Per category shown by those records: how many granted it and how many refused it.
create table consent_statistic_choice (
  site_id   uuid not null references consent_site (id),
  on_day    date not null,
  version   int not null,
  language  varchar(5) not null,
  method    varchar(20) not null,
  category  varchar(50) not null,
  granted   bigint not null,
  refused   bigint not null,
  primary key (site_id, on_day, version, language, method, category)
);

-- Records per page where the choice was made (no query string, as recorded; '' when not sent).
create table consent_statistic_page (
  site_id   uuid not null references consent_site (id),
  on_day    date not null,
  page_url  varchar(500) not null,
  method    varchar(20) not null,
  records   bigint not null,
  primary key (site_id, on_day, page_url, method)
);
