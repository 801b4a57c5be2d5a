-- A team's decision to accept a design gap for now. The fingerprint digests the design elements that
-- caused the gap; when they change, the acknowledgement lapses and the gap is open again.
create table gap_acknowledgement (
    id              bigserial primary key,
    journey_id      bigint       not null references journey (id) on delete cascade,
    gap_id          varchar(200) not null,
    reason          text         not null,
    fingerprint     varchar(64)  not null,
    acknowledged_at timestamptz  not null,
    constraint gap_acknowledgement_unique unique (journey_id, gap_id)
);
