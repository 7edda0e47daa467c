-- Webhook deliveries waiting, done or given up: stored in the sender's transaction, so a committed
-- report always reaches its receiver or is shown as failed. The body is what the receiver gets; the
-- signing key stays in the settings and is applied at each attempt.
create table notify_webhook (
    id uuid primary key,
    endpoint varchar(60) not null,
    body varchar(8000) not null,
    created_at timestamp with time zone not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone,
    delivered_at timestamp with time zone,
    gave_up_at timestamp with time zone,
    last_error varchar(300)
);

create index notify_webhook_due on notify_webhook (next_attempt_at);
