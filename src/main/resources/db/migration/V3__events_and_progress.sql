-- Prospect events and per-prospect progress. Events are append-only and idempotent by their client
-- id; each prospect row keeps its step entries packed and sorted, so reports read one row per
-- prospect instead of rescanning events.

-- A permanent small number per step key of a journey, never reused: packed step entries stay valid
-- when steps are renamed in order, inserted or removed.
create table step_ref (
    journey_id bigint      not null references journey (id) on delete cascade,
    step_key   varchar(63) not null,
    ref        smallint    not null,
    primary key (journey_id, step_key),
    constraint step_ref_unique unique (journey_id, ref),
    constraint step_ref_range check (ref between 0 and 127)
);

create table prospect (
    id             bigserial primary key,
    journey_id     bigint      not null references journey (id) on delete cascade,
    external_id    varchar(200) not null,
    attributes     jsonb       not null default '{}'::jsonb,
    attributes_at  timestamptz,
    -- Step entries, ascending: epoch second * 128 + step ref.
    entries        bigint[]    not null default '{}',
    first_seen_at  timestamptz not null,
    last_event_at  timestamptz not null,
    constraint prospect_external_unique unique (journey_id, external_id)
);

-- 1 = STEP_ENTERED, 2 = ACTION_PERFORMED, 3 = TOUCHPOINT_DELIVERED; element is the step, action or touchpoint key.
create table event (
    journey_id   bigint      not null references journey (id) on delete cascade,
    id           uuid        not null,
    prospect_id  bigint      not null references prospect (id) on delete cascade,
    type         smallint    not null,
    element      varchar(63) not null,
    occurred_at  timestamptz not null,
    attributes   jsonb,
    primary key (journey_id, id)
);
create index event_prospect_time_idx on event (prospect_id, occurred_at);
create index event_journey_time_idx on event (journey_id, occurred_at);

-- What the reports can vouch for: the latest event time and ingest time per journey.
create table journey_ingest (
    journey_id     bigint primary key references journey (id) on delete cascade,
    events         bigint      not null default 0,
    last_event_at  timestamptz,
    last_ingest_at timestamptz
);
