-- When the visitor made the choice, as the banner reports it (seconds before the request, bounded):
-- a choice whose recording failed is sent again later and keeps its own time. Null on records made
-- before: those were sent at the moment of the choice, so recorded_at is that time.
alter table consent_record add column chosen_at timestamp(6) with time zone;
