-- Alerts on responses (issue 28): for teams that subscribed to response alerts, one row per prospect with actions
-- that may still need telling, and when to look at it again. At that moment the sweep re-matches the prospect with
-- the open-responses report's own matching and tells what has come due; ingest only moves the moment earlier when
-- a new action arrives, so a batch costs one small upsert per prospect with a new action, not a matching.
-- No foreign keys: a key check per row (with its share lock on the journey row that every concurrent batch also
-- takes) cost more than the rows; the sweep drops a row whose prospect or journey is gone, and prospects and
-- journeys are not deleted through the API.
create table response_watch (
    prospect_id  bigint      primary key,
    journey_id   bigint      not null,
    -- When the sweep re-matches the prospect (a warning or a due moment); null once nothing is ahead.
    next_at      timestamptz,
    -- Occurrences told overdue and still waiting ("actionRef:performedEpochSecond:nth"): their answer sends
    -- response.resolved.
    told         text[]      not null default '{}',
    told_at      timestamptz
);
-- The sweep with nothing due reads one index page.
create index response_watch_next_idx on response_watch (next_at) where next_at is not null;
-- Occurrences told overdue wait 30 days for a late answer, then are pruned.
create index response_watch_told_idx on response_watch (told_at) where next_at is null;
