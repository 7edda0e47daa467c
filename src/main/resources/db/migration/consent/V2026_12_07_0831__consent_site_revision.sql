-- Optimistic revision of a site's settings and banner texts: a save that names the revision it
-- was based on is refused (409) when another save came in between, instead of overwriting it.
alter table consent_site add column revision int default 0 not null;
