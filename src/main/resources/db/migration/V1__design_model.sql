-- The journey design model: one team owns many journeys; a journey is a tree of ordered steps
-- with touchpoints and buyer actions, plus transitions between steps with their conditions.
-- Keys (slugs) are the identity clients see; surrogate ids stay internal.

create table team (
    id          bigserial primary key,
    key         varchar(63)  not null unique,
    name        varchar(200) not null,
    created_at  timestamptz  not null default now()
);

-- The default local team; API keys (later) scope every journey by team.
insert into team (key, name) values ('default', 'Default team');

create table journey (
    id          bigserial primary key,
    team_id     bigint       not null references team (id) on delete cascade,
    key         varchar(63)  not null,
    name        varchar(200) not null,
    description text,
    segment     text,
    version     bigint       not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now(),
    constraint journey_key_unique unique (team_id, key)
);

create table journey_step (
    id          bigserial primary key,
    journey_id  bigint       not null references journey (id) on delete cascade,
    key         varchar(63)  not null,
    position    integer      not null,
    name        varchar(200) not null,
    description text,
    buyer_goal  text,
    optional    boolean      not null default false,
    stale_after varchar(64),
    constraint journey_step_key_unique unique (journey_id, key)
);

-- Touchpoint and action keys are unique in the whole journey (not just the step): events,
-- respondedBy and transition conditions name them by key alone.
create table touchpoint (
    id          bigserial primary key,
    journey_id  bigint       not null references journey (id) on delete cascade,
    step_id     bigint       not null references journey_step (id) on delete cascade,
    key         varchar(63)  not null,
    position    integer      not null,
    name        varchar(200) not null,
    description text,
    channel     varchar(32)  not null,
    mode        varchar(16)  not null,
    owner       varchar(200),
    staffed     boolean      not null default true,
    constraint touchpoint_key_unique unique (journey_id, key)
);
create index touchpoint_step_idx on touchpoint (step_id);

create table buyer_action (
    id               bigserial primary key,
    journey_id       bigint       not null references journey (id) on delete cascade,
    step_id          bigint       not null references journey_step (id) on delete cascade,
    key              varchar(63)  not null,
    position         integer      not null,
    name             varchar(200) not null,
    description      text,
    expects_response boolean      not null default false,
    response_sla     varchar(64),
    requires_human   boolean      not null default false,
    constraint buyer_action_key_unique unique (journey_id, key)
);
create index buyer_action_step_idx on buyer_action (step_id);

create table action_response (
    action_id     bigint  not null references buyer_action (id) on delete cascade,
    touchpoint_id bigint  not null references touchpoint (id) on delete cascade,
    position      integer not null,
    primary key (action_id, position)
);
create index action_response_touchpoint_idx on action_response (touchpoint_id);

create table transition (
    id           bigserial primary key,
    journey_id   bigint      not null references journey (id) on delete cascade,
    from_step_id bigint      not null references journey_step (id) on delete cascade,
    to_step_id   bigint      not null references journey_step (id) on delete cascade,
    position     integer     not null,
    match        varchar(8)  not null,
    description  text,
    constraint transition_pair_unique unique (journey_id, from_step_id, to_step_id),
    constraint transition_not_to_itself check (from_step_id <> to_step_id)
);

create table transition_condition (
    id            bigserial primary key,
    transition_id bigint      not null references transition (id) on delete cascade,
    position      integer     not null,
    type          varchar(32) not null,
    action_id     bigint      references buyer_action (id) on delete cascade,
    min_count     integer,
    touchpoint_id bigint      references touchpoint (id) on delete cascade,
    attribute     varchar(200),
    value         text,
    duration      varchar(64),
    note          text
);
create index transition_condition_transition_idx on transition_condition (transition_id);

-- Versions come from one sequence so an ETag never repeats, even across a delete and re-create.
create sequence journey_version_seq;
