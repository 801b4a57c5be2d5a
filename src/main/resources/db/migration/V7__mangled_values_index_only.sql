-- The data-quality report reads the attributes of the few prospects flagged maybe_mangled. With the
-- values in the partial index itself it reads them index-only, instead of one random heap page per
-- flagged prospect (500 ms against 50 ms at a million prospects).
drop index prospect_mangled_idx;
create index prospect_mangled_idx on prospect (journey_id) include (external_id, attributes) where maybe_mangled;
