-- A device's owner may come from the user osquery reports as logged in. Where the owner came from
-- decides whether osquery may change it: never when SECURITY (or ADMIN) set it by hand or an MDM
-- export did. Owners set before this migration count as set by hand.
alter table device add column owner_source varchar(16);
alter table device add column reported_user varchar(200);
alter table device add column reported_user_at timestamp with time zone;

update device set owner_source = 'manual' where owner_id is not null;

-- When the reported user matches several people of the directory, nobody is assigned and the
-- candidates are shown to SECURITY.
create table device_owner_candidate (
    device_id uuid not null references device (id),
    person_id uuid not null,
    primary key (device_id, person_id)
);

create index device_owner_candidate_person on device_owner_candidate (person_id);
