-- The people directory: employees and contractors. A person is never deleted (training and
-- acknowledgement records will point at them); erasure anonymises the row instead.
create table person (
    id uuid primary key,
    name varchar(200) not null,
    email varchar(320) not null,
    employee_id varchar(64),
    kind varchar(16) not null,
    department varchar(200),
    manager_id uuid references person (id),
    start_date date,
    end_date date,
    status varchar(16) not null,
    language varchar(2) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    anonymised_at timestamp with time zone
);

-- E-mail is stored lower-case, so the unique index is case-insensitive.
create unique index person_email on person (email);
create unique index person_employee_id on person (employee_id);
create index person_department on person (department, status);
