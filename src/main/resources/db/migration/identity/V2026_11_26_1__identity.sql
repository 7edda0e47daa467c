create table app_user (
  id              uuid not null primary key,
  email           varchar(320) not null,
  display_name    varchar(200) not null,
  password_hash   varchar(200),
  roles           varchar(200) not null,
  language        varchar(5),
  active          boolean not null,
  failed_logins   int not null default 0,
  locked_until    timestamp(6) with time zone,
  created_at      timestamp(6) with time zone not null,
  last_login_at   timestamp(6) with time zone
);
create unique index app_user_by_email on app_user (email);

-- One-time links: invitations and password resets. Only a hash of the secret is stored.
create table user_link (
  id          uuid not null primary key,
  user_id     uuid not null references app_user (id),
  purpose     varchar(20) not null,
  token_hash  varchar(64) not null unique,
  created_at  timestamp(6) with time zone not null,
  expires_at  timestamp(6) with time zone not null,
  used_at     timestamp(6) with time zone
);

create table api_token (
  id            uuid not null primary key,
  user_id       uuid not null references app_user (id),
  name          varchar(100) not null,
  token_hash    varchar(64) not null unique,
  prefix        varchar(16) not null,
  roles         varchar(200) not null,
  created_at    timestamp(6) with time zone not null,
  expires_at    timestamp(6) with time zone not null,
  revoked_at    timestamp(6) with time zone,
  last_used_at  timestamp(6) with time zone
);
create index api_token_by_user on api_token (user_id);
