-- Alerts (issue 28): a team's webhook subscriptions and the outbox of their messages. Secrets are stored
-- sealed (AES-256-GCM under a key from configuration), never in plain text.
create table webhook_subscription (
    id              varchar(32)  primary key,
    team_id         bigint       not null references team (id) on delete cascade,
    url             text         not null,
    description     text,
    types           jsonb        not null,
    journeys        jsonb        not null default '[]'::jsonb,
    owners          jsonb        not null default '[]'::jsonb,
    warn_before     varchar(64),
    format          varchar(16)  not null,
    secret          bytea        not null,
    previous_secret bytea,
    previous_until  timestamptz,
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index webhook_subscription_team_idx on webhook_subscription (team_id, created_at, id);

-- One row per message: written in the transaction that caused it, claimed by workers with FOR UPDATE SKIP
-- LOCKED. An occurrence gives at most one message per subscription and type.
create table webhook_message (
    id              varchar(40)  primary key,
    subscription_id varchar(32)  not null references webhook_subscription (id) on delete cascade,
    type            varchar(40)  not null,
    occurrence      text         not null,
    body            text         not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz  not null,
    delivered_at    timestamptz,
    constraint webhook_message_once unique (subscription_id, type, occurrence)
);
create index webhook_message_due_idx on webhook_message (next_attempt_at) where status = 'PENDING';
create index webhook_message_log_idx on webhook_message (subscription_id, created_at desc, id);
