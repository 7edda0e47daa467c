-- Security awareness training (policy clause S1): sessions, enrolments with their waiting list and
-- attendance, and the reminders already sent (claimed once per cluster).
create table training_session (
    id uuid primary key,
    title varchar(200) not null,
    starts_at timestamp with time zone not null,
    ends_at timestamp with time zone not null,
    place varchar(300),
    online_link varchar(500),
    capacity integer not null,
    trainer varchar(200),
    language varchar(2) not null,
    status varchar(16) not null,
    sequence integer not null,
    created_at timestamp with time zone not null
);

create index training_session_starts on training_session (starts_at);

-- One row per person and session; a person who enrols again after cancelling gets the same row
-- (and the same calendar UID) back. person_id is null once an erasure anonymised the row: the
-- session's attendance counts stay.
create table training_enrolment (
    id uuid primary key,
    session_id uuid not null references training_session (id),
    person_id uuid,
    status varchar(16) not null,
    attended boolean not null,
    enrolled_at timestamp with time zone not null,
    changed_at timestamp with time zone not null,
    sequence integer not null
);

create unique index training_enrolment_person on training_enrolment (session_id, person_id);
create index training_enrolment_attended on training_enrolment (person_id, attended);

-- A reminder or digest sent: the first instance to insert the row sends it.
create table training_reminder (
    recipient varchar(320) not null,
    kind varchar(16) not null,
    due_on date not null,
    sent_at timestamp with time zone not null,
    primary key (recipient, kind, due_on)
);
