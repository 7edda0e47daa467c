-- Incident reports (policy clause S2 and more): any employee reports; the security team
-- acknowledges (the time to acknowledge is measured) and resolves with an outcome. reporter_id is
-- the directory's person, null once an erasure anonymised the report.
create table premises_incident (
    id uuid primary key,
    kind varchar(32) not null,
    place varchar(300) not null,
    occurred_at timestamp with time zone not null,
    description varchar(4000),
    device_ref varchar(100),
    reporter_id uuid,
    status varchar(16) not null,
    reported_at timestamp with time zone not null,
    acknowledged_at timestamp with time zone,
    resolved_at timestamp with time zone,
    outcome varchar(2000)
);

create index premises_incident_status on premises_incident (status, reported_at);
