-- Which CDP calls mean which element's event (issue 27): read and written only with their element, so they
-- live with it as JSON, like a touchpoint's exclusions. A constant default adds the columns without a rewrite.
alter table journey_step add column source_events jsonb not null default '[]'::jsonb;
alter table touchpoint add column source_events jsonb not null default '[]'::jsonb;
alter table buyer_action add column source_events jsonb not null default '[]'::jsonb;

-- Traits a source sent for a person (identify calls, context.traits), per team: they become the attributes of
-- that prospect in every journey of the team, including journeys where the person appears only later.
create table source_person (
    team_id    bigint       not null references team (id) on delete cascade,
    person     varchar(200) not null,
    traits     jsonb        not null,
    updated_at timestamptz  not null,
    primary key (team_id, person)
);
