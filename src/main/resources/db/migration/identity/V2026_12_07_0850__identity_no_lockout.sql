-- Sign-in no longer locks an account: failures slow down the client that makes them (in memory,
-- per instance), never the account for everyone, so the lock's end time has nothing left to hold.
alter table app_user drop column locked_until;
