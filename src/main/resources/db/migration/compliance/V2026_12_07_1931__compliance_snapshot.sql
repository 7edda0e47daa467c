-- Every control's figure once a day, for the trend: one row per day and control, written once per
-- cluster (the key refuses a second). The clauses it served that day are kept with it, so the trend
-- of a clause reads the day's own mapping.
create table compliance_snapshot (
    taken_on date not null,
    control_id varchar(100) not null,
    clauses varchar(200) not null,
    status varchar(16) not null,
    met bigint not null,
    of_items bigint not null,
    exempted bigint not null,
    primary key (taken_on, control_id)
);
