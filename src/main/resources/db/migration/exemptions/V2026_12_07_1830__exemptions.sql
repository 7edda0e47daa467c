-- Exemptions (policy clauses S1-S8): the security team's explicit written consent to depart from a
-- clause, for one check or software item or the whole clause, one subject and a period.
create table exemption (
    id uuid primary key,
    clause varchar(3) not null,
    check_id varchar(200),
    subject_kind varchar(16) not null,
    subject_id uuid,
    -- the person of the directory it was asked for; null once an erasure anonymised the row
    person_id uuid,
    reason varchar(2000) not null,
    compensating varchar(2000),
    starts_on date not null,
    ends_on date not null,
    status varchar(16) not null,
    approvals_needed integer not null,
    renews uuid references exemption (id),
    requested_by varchar(120) not null,
    requested_at timestamp with time zone not null,
    ended_reason varchar(2000),
    ended_by varchar(120),
    ended_at timestamp with time zone
);

create index exemption_status_period on exemption (status, starts_on, ends_on);
create index exemption_subject on exemption (subject_kind, subject_id);
create index exemption_person on exemption (person_id);

-- The decisions: written once, never changed (the code has no update for this table); a
-- correction is a new decision.
create table exemption_decision (
    id uuid primary key,
    exemption_id uuid not null references exemption (id),
    outcome varchar(16) not null,
    text varchar(4000) not null,
    decided_by varchar(120) not null,
    decided_at timestamp with time zone not null
);

create index exemption_decision_of on exemption_decision (exemption_id, decided_at);

-- The notices already sent, claimed once per cluster in the transaction that puts them in the outbox.
create table exemption_notice (
    exemption_id uuid not null references exemption (id),
    kind varchar(16) not null,
    sent_at timestamp with time zone not null,
    primary key (exemption_id, kind)
);
