-- Event ids are idempotent within their prospect (docs/api.md, "Events"), as Mixpanel's $insert_id and
-- Amplitude's insert_id are: the same id for another prospect is another event. One key on
-- (prospect_id, id) then finds duplicates and serves the prospect's timeline, clustered by prospect,
-- where two B-trees took a random leaf each per ingested event. Ids were unique per journey and a
-- prospect belongs to one journey, so every stored row already satisfies the new key.
alter table event drop constraint event_pkey;
alter table event add constraint event_pkey primary key (prospect_id, id);
drop index if exists event_prospect_time_idx;
