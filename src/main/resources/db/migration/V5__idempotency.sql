-- One row per idempotency key of POST /api/complaints (see IdempotencyKeys). The primary key is what makes
-- concurrent identical submissions safe: only one request can insert the key; the others wait for its answer.
-- complaint_reference is null while the first request is still logging the complaint.
create table idempotency_key (
    idem_key             varchar(140) primary key,
    request_hash         varchar(64) not null,
    complaint_reference  varchar(20),
    created_at           timestamp(6) with time zone not null,
    expires_at           timestamp(6) with time zone not null
);
create index idempotency_key_expires_idx on idempotency_key (expires_at);
