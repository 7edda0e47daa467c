-- Consent log: the key of the keyed hash that replaces visitors' IP addresses in consent_record.
-- One row, made once by the first instance that needs it (32 random bytes, hex); every instance
-- reads the same key, so one source hashes alike across the cluster and across restarts.
create table consent_secret (
  id          int not null primary key,
  secret      varchar(64) not null,
  created_at  timestamp(6) with time zone not null
);
