-- Response, contact-pressure and stale reports read per-prospect progress too: the actions a prospect
-- performed and the touchpoints delivered to it, packed like step entries (epoch second * 4096 + ref).

create table element_ref (
    journey_id  bigint      not null references journey (id) on delete cascade,
    kind        char(1)     not null,   -- 'A' buyer action, 'T' touchpoint
    element_key varchar(63) not null,
    ref         smallint    not null,
    primary key (journey_id, kind, element_key),
    constraint element_ref_unique unique (journey_id, kind, ref),
    constraint element_ref_range check (ref between 0 and 4095),
    constraint element_ref_kind check (kind in ('A', 'T'))
);

alter table prospect add column actions bigint[] not null default '{}';
alter table prospect add column touches bigint[] not null default '{}';

-- Existing journeys: number their current actions and touchpoints, then fold stored events in.
insert into element_ref (journey_id, kind, element_key, ref)
select journey_id, 'A', key, row_number() over (partition by journey_id order by id) - 1 from buyer_action;
insert into element_ref (journey_id, kind, element_key, ref)
select journey_id, 'T', key, row_number() over (partition by journey_id order by id) - 1 from touchpoint;

update prospect p set
    actions = coalesce((select array_agg((extract(epoch from e.occurred_at)::bigint << 12) | r.ref order by 1)
                        from event e join element_ref r on r.journey_id = e.journey_id and r.kind = 'A' and r.element_key = e.element
                        where e.prospect_id = p.id and e.type = 2), '{}'),
    touches = coalesce((select array_agg((extract(epoch from e.occurred_at)::bigint << 12) | r.ref order by 1)
                        from event e join element_ref r on r.journey_id = e.journey_id and r.kind = 'T' and r.element_key = e.element
                        where e.prospect_id = p.id and e.type = 3), '{}');
