-- Cookie consent: sites, the cookie catalogue (draft), published declaration versions, consent records.

create table consent_site (
  id                     uuid not null primary key,
  site_key               varchar(64) not null unique,
  name                   varchar(200) not null,
  origins                varchar(2000) not null,      -- allowed origins, one per line
  languages              varchar(20) not null,        -- csv of fr, nl, en
  default_language       varchar(5) not null,
  consent_lifetime_days  int not null,
  refusal_lifetime_days  int not null,
  wait_for_update_ms     int not null,
  controller_name        varchar(200) not null,
  controller_number      varchar(50),
  controller_address     varchar(500),
  controller_email       varchar(320),
  privacy_policy_url     varchar(500),
  created_at             timestamp(6) with time zone not null
);

-- Texts per language are columns: Charter speaks fr, nl and en. A text may be missing for a
-- language the site does not use; publishing checks that every language of the site is complete.
create table consent_category (
  id              uuid not null primary key,
  site_id         uuid not null references consent_site (id),
  category_key    varchar(50) not null,
  position        int not null,
  necessary       boolean not null,
  refuse_on_gpc   boolean not null,                   -- sells/shares or tracks: refused by default under GPC
  gcm_types       varchar(200) not null,              -- csv of Google Consent Mode v2 types
  name_fr varchar(100), name_nl varchar(100), name_en varchar(100),
  description_fr varchar(2000), description_nl varchar(2000), description_en varchar(2000),
  unique (site_id, category_key)
);

create table consent_service (
  id              uuid not null primary key,
  site_id         uuid not null references consent_site (id),
  service_key     varchar(50) not null,
  name            varchar(100) not null,
  provider        varchar(200) not null,
  category_key    varchar(50) not null,
  third_party     boolean not null,
  privacy_url     varchar(500),
  description_fr varchar(2000), description_nl varchar(2000), description_en varchar(2000),
  unique (site_id, service_key)
);

create table consent_cookie (
  id              uuid not null primary key,
  service_id      uuid not null references consent_service (id),
  name            varchar(200) not null,
  is_pattern      boolean not null,                   -- name is a prefix pattern ending in '*'
  domain          varchar(200),
  third_party     boolean not null,
  retention_days  int,                                -- null: session cookie; 0: less than a day
  -- Optional wording of the retention ("1 minute"); when null it is written from retention_days.
  retention_text_fr varchar(100), retention_text_nl varchar(100), retention_text_en varchar(100),
  -- Optional purpose of this cookie; when null the service's description applies.
  purpose_fr varchar(2000), purpose_nl varchar(2000), purpose_en varchar(2000),
  to_be_confirmed boolean not null,                   -- name or retention not documented yet
  note            varchar(500),
  unique (service_id, name)
);

-- Banner texts per site and language (first and second layer, placeholder for blocked content).
create table consent_banner_text (
  site_id         uuid not null references consent_site (id),
  language        varchar(5) not null,
  text_key        varchar(50) not null,
  text            varchar(2000) not null,
  primary key (site_id, language, text_key)
);

-- Published, immutable declaration versions: the snapshot is the whole catalogue and the banner
-- texts as JSON, so a consent record proves exactly what the visitor was shown.
create table declaration_version (
  id              uuid not null primary key,
  site_id         uuid not null references consent_site (id),
  version         int not null,
  published_at    timestamp(6) with time zone not null,
  published_by    varchar(200) not null,
  material        boolean not null,
  material_version int not null,                      -- latest material version <= this one
  summary_fr varchar(2000) not null, summary_nl varchar(2000) not null, summary_en varchar(2000) not null,
  snapshot        varchar(200000) not null,
  snapshot_hash   varchar(64) not null,
  unique (site_id, version)
);

-- Append-only consent log. No raw IP address: a keyed hash of the truncated address.
create table consent_record (
  id              uuid not null primary key,
  site_id         uuid not null references consent_site (id),
  visitor_id      varchar(64) not null,
  version         int not null,
  method          varchar(20) not null,
  choices         varchar(1000) not null,             -- key=1|0 pairs, comma separated, in category order
  language        varchar(5) not null,
  page_url        varchar(500),
  source_hash     varchar(64),
  browser         varchar(60),
  recorded_at     timestamp(6) with time zone not null
);
create index consent_record_by_visitor on consent_record (site_id, visitor_id);
create index consent_record_by_time on consent_record (site_id, recorded_at);
