-- Who a touchpoint is for (issue 12). Exclusion rules name steps and actions by key and are read and
-- written only as part of the whole touchpoint, so they live with it as JSON; the journey validator
-- refuses a rule naming a key that does not exist, as for every other reference.
alter table touchpoint add column looks_personal boolean not null default false;
alter table touchpoint add column excludes jsonb not null default '[]'::jsonb;

-- Opt-outs, packed like actions and touches: epoch second * 4096 + channel code (0 = every channel).
-- A constant default adds the column without rewriting the table.
alter table prospect add column opt_outs bigint[] not null default '{}';
