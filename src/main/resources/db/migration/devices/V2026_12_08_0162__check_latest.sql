-- The last answer of each device to each check, kept by the write that records an answer, so the
-- fleet's controls read one row per device and check instead of searching every answer's history.
create table check_latest (
    device_id uuid not null references device (id),
    check_id varchar(64) not null references device_check (id),
    checked_at timestamp with time zone not null,
    passed boolean,
    primary key (device_id, check_id)
);

-- From the history so far: the latest answer of each pair (of two at the same instant, one of them).
insert into check_latest (device_id, check_id, checked_at, passed)
select device_id, check_id, checked_at, passed from (
    select device_id, check_id, checked_at, passed,
           row_number() over (partition by device_id, check_id order by checked_at desc, id) as n
    from check_result
) answers where n = 1;
