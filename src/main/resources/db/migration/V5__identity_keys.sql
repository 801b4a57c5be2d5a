-- The data-quality report compares prospects by email and name after normalising case, spacing and
-- dots, and looks for values whose casing a form inverted ("dAVE bROCK"). Keeping both as generated,
-- indexed columns turns that report into index work instead of a scan of every attribute document.
alter table prospect add column email_key text generated always as (
    nullif(lower(regexp_replace(coalesce(attributes ->> 'email', attributes ->> 'Email', attributes ->> 'EMAIL'),
        '[[:space:].]+', '', 'g')), '')) stored;
alter table prospect add column name_key text generated always as (
    nullif(lower(regexp_replace(coalesce(attributes ->> 'name', attributes ->> 'Name', attributes ->> 'fullName',
        attributes ->> 'full_name'), '[[:space:].]+', '', 'g')), '')) stored;
-- A string value of the document whose every word is one small letter then capitals.
alter table prospect add column maybe_mangled boolean generated always as (
    attributes::text ~ '": "[[:lower:]][[:upper:]]+( [[:lower:]][[:upper:]]+)*"') stored;

create index prospect_email_key_idx on prospect (journey_id, email_key) where email_key is not null;
create index prospect_name_key_idx on prospect (journey_id, name_key) where name_key is not null;
create index prospect_mangled_idx on prospect (journey_id) where maybe_mangled;
