-- Alerts on responses (issue 28): every action waiting for an answer within its SLA, for journeys whose team
-- subscribed to response alerts. Ingest keeps it in step with the open-responses report (the same matching, in
-- the same transaction as the events); the due-time sweep reads only the rows whose next moment has come.
create table response_watch (
    prospect_id  bigint      not null references prospect (id) on delete cascade,
    action_ref   smallint    not null,
    performed_at timestamptz not null,
    -- The same action performed twice in one second: the second occurrence is nth 1.
    nth          smallint    not null default 0,
    journey_id   bigint      not null references journey (id) on delete cascade,
    due_at       timestamptz not null,
    -- When the sweep looks at it again (a warning, or the due moment); null once past due.
    next_at      timestamptz,
    -- When response.overdue was written for it; its answer then sends response.resolved.
    overdue_at   timestamptz,
    primary key (prospect_id, action_ref, performed_at, nth)
);
-- The sweep with nothing due reads one index page.
create index response_watch_next_idx on response_watch (next_at) where next_at is not null;
-- Rows past due are kept 30 days, for a late answer's response.resolved, then pruned.
create index response_watch_past_due_idx on response_watch (due_at) where next_at is null;
