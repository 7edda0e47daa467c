-- Visitors whose consent records are restricted (GDPR art. 18) or objected to (art. 21): their
-- records are kept as proof but left out of the statistics.
create table consent_restriction (
  visitor_id     varchar(64) not null primary key,
  restricted_at  timestamp(6) with time zone not null
);
