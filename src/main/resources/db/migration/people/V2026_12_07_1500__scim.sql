-- SCIM provisioning: the identity provider's own id of a person (externalId), the groups it
-- created before any person was in them (a group is a department), and the bearer credentials of
-- identity providers, stored as the SHA-256 of the secret.
create table scim_external_id (
    person_id uuid primary key references person (id),
    external_id varchar(255) not null
);
create unique index scim_external_id_value on scim_external_id (external_id);

create table scim_group (
    display_name varchar(200) primary key
);

create table scim_credential (
    id uuid primary key,
    name varchar(100) not null,
    token_hash varchar(64) not null,
    prefix varchar(16) not null,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone
);
create unique index scim_credential_hash on scim_credential (token_hash);
