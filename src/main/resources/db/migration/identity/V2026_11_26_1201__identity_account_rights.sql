-- Data-subject requests about staff accounts (answered by the rights module through identity's API).
-- restricted_at: deactivated because its holder asked for restriction (GDPR art. 18); reactivating
-- the account lifts it. erased_at: anonymised on an erasure request (art. 17); never reactivated.
alter table app_user add column restricted_at timestamp(6) with time zone;
alter table app_user add column erased_at timestamp(6) with time zone;
