-- An event's journey is its prospect's journey: the key to prospect already cascades a journey's
-- deletion to its events, and ingest writes journey_id from the prospect it has just locked or created.
-- The second key made every ingested event run one more referential check on the journey row, 35 ms of
-- each 10,000-event batch (bench/README.md, issue 11).
alter table event drop constraint if exists event_journey_id_fkey;
