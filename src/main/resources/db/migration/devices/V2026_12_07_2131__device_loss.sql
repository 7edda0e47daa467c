-- A device reported lost or stolen (through an incident report of the premises): the device row is
-- left as it is (other columns are the inventory's), the report is kept beside it. reference names
-- what reported it (premises:incident:<id>).
create table device_loss (
    id uuid primary key,
    device_id uuid not null references device (id),
    reported_at timestamp with time zone not null,
    reference varchar(200) not null
);

create index device_loss_device on device_loss (device_id, reported_at);
