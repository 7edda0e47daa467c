-- The instance running a scan says so every half minute: a scan whose beat stopped (its instance stopped
-- or was killed) is marked interrupted by any instance, without touching a scan another one still runs.
alter table scan add column heartbeat_at timestamp with time zone;
