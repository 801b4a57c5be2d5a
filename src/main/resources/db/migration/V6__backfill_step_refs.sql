-- Journeys designed before V3 have no step refs, and ingest needs one for every step it packs.
-- Number their steps after the highest ref the journey already has (none, for such journeys).
insert into step_ref (journey_id, step_key, ref)
select s.journey_id, s.key,
       coalesce((select max(r.ref) from step_ref r where r.journey_id = s.journey_id), -1)
           + row_number() over (partition by s.journey_id order by s.position)
from journey_step s
where not exists (select 1 from step_ref r where r.journey_id = s.journey_id and r.step_key = s.key);
