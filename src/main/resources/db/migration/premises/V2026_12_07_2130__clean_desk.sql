-- Clean-desk spot checks (policy clause S4): the security team walks an area on a day, counts the
-- desks it checked and records what it found on any of them. A finding may name the person of the
-- directory whose desk it is (person_id, null when unknown or after an erasure) and whether they
-- were told (notified_at).
create table premises_desk_check (
    id uuid primary key,
    checked_on date not null,
    area varchar(200) not null,
    desks_checked integer not null,
    checked_by varchar(320),
    created_at timestamp with time zone not null
);

create index premises_desk_check_on on premises_desk_check (checked_on);

create table premises_desk_finding (
    id uuid primary key,
    check_id uuid not null references premises_desk_check (id),
    desk varchar(100) not null,
    found varchar(2000) not null,
    person_id uuid,
    follow_up varchar(2000),
    notified_at timestamp with time zone,
    created_at timestamp with time zone not null
);

create index premises_desk_finding_check on premises_desk_finding (check_id);
create index premises_desk_finding_person on premises_desk_finding (person_id);
