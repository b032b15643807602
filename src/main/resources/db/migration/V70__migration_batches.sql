-- Migrations of running complaints run as the engine's batch, executed by the job executor, which knows no
-- user: who started each batch, and which instances it moves, are kept here, so each complaint's timeline
-- names the process owner when its instance moves (migration.MigrationTimeline).
create table migration_batch (
    batch_id             varchar(64) primary key,
    process_key          varchar(255) not null,
    from_version         integer not null,
    to_version           integer not null,
    target_definition_id varchar(64) not null,
    started_by           varchar(255) not null,
    started_at           timestamp(6) with time zone not null,
    instances            integer not null
);

-- One row per instance handed to the batch; migrated_at is set in the batch job's transaction.
create table migration_batch_instance (
    batch_id            varchar(64) not null references migration_batch (batch_id),
    process_instance_id varchar(64) not null,
    reference           varchar(64),
    migrated_at         timestamp(6) with time zone,
    primary key (batch_id, process_instance_id)
);
create index migration_batch_instance_pi_idx on migration_batch_instance (process_instance_id);
