-- Nothing reads events by journey and time: reports read per-prospect progress, and a prospect's
-- timeline uses event_prospect_time_idx. Maintaining this index cost every ingested event an insert
-- into one more B-tree.
drop index if exists event_journey_time_idx;
