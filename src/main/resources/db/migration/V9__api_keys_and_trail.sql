-- API keys: a public id used for lookup and a secret of which only a SHA-256 digest is kept. A key is
-- never deleted, only revoked, so the trail below can still name it.
create table api_key (
    id            varchar(24)  primary key,
    team_id       bigint       not null references team (id) on delete cascade,
    name          varchar(200) not null,
    scopes        text[]       not null,
    secret_sha256 bytea        not null,
    rate_limit    integer,
    created_by    varchar(24),
    created_at    timestamptz  not null,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    constraint api_key_secret_digest check (octet_length(secret_sha256) = 32),
    constraint api_key_rate_limit check (rate_limit is null or rate_limit > 0)
);
create index api_key_team_idx on api_key (team_id, id);

-- Every journey version as GET answered it, who wrote it and what kind of change made it. Deleting
-- the journey deletes its history: a re-created key starts a new one.
create table journey_version (
    journey_id  bigint       not null references journey (id) on delete cascade,
    version     bigint       not null,
    at          timestamptz  not null,
    key_id      varchar(24),
    key_name    varchar(200),
    change      varchar(32)  not null,
    subject     varchar(200),
    document    jsonb        not null,
    primary key (journey_id, version)
);

-- Every accepted ingest batch and the key that sent it.
create table ingest_batch (
    id          bigserial    primary key,
    journey_id  bigint       not null references journey (id) on delete cascade,
    at          timestamptz  not null,
    key_id      varchar(24),
    key_name    varchar(200),
    accepted    integer      not null,
    duplicates  integer      not null
);
create index ingest_batch_journey_idx on ingest_batch (journey_id, id);
