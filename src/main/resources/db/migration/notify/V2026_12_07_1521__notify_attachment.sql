-- Files sent with a message (a calendar invitation), kept with it and removed with it.
create table outbox_attachment (
    message_id uuid not null references outbox_message (id) on delete cascade,
    seq integer not null,
    filename varchar(200) not null,
    content_type varchar(200) not null,
    content bytea not null,
    primary key (message_id, seq)
);
