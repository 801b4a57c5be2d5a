#!/usr/bin/env bash
# What storing one event row costs the embedded PostgreSQL, piece by piece, with no service in the way:
# 10,000 rows (random v4 ids, random prospects among 300,000) inserted into five variants of the event
# table that already hold 3 M rows, each inside begin/rollback, in a warm session, order rotating over
# twelve rounds. Run as root after the service has run once (it unpacks the binaries to /tmp/embedded-pg).
# Usage: bash bench/sql/row-cost.sh   (writes bench/last-row-cost.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(ls -d /tmp/embedded-pg/PG-*/bin | head -1)
work=$(mktemp -d /tmp/row-cost-XXXX); chmod 777 "$work"; install -d -o postgres "$work/data"
su postgres -c "$bin/initdb -D $work/data -U postgres -A trust" >/dev/null
printf "port = 55433\nshared_buffers = 2GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min\nunix_socket_directories = '%s'\n" "$work" >> "$work/data/postgresql.conf"
su postgres -c "$bin/pg_ctl -D $work/data -l $work/log -w start" >/dev/null
trap 'su postgres -c "$bin/pg_ctl -D $work/data -m fast stop" >/dev/null; rm -rf "$work"' EXIT
psql="psql -h 127.0.0.1 -p 55433 -U postgres -q -v ON_ERROR_STOP=1"
$psql <<'SQL'
create table prospect (id bigserial primary key, journey_id bigint not null, external_id text not null);
insert into prospect (journey_id, external_id) select 1, 'crm-' || g from generate_series(1, 300000) g;
create table ev_full (journey_id bigint not null, id uuid not null, prospect_id bigint not null references prospect (id),
  type smallint not null, element text not null, occurred_at timestamptz not null, primary key (journey_id, id));
create index on ev_full (prospect_id, occurred_at);
create table ev_nofk (like ev_full including all);
create table ev_pkonly (journey_id bigint not null, id uuid not null, prospect_id bigint not null,
  type smallint not null, element text not null, occurred_at timestamptz not null, primary key (journey_id, id));
create table ev_heap (journey_id bigint not null, id uuid not null, prospect_id bigint not null,
  type smallint not null, element text not null, occurred_at timestamptz not null);
insert into ev_full select 1, gen_random_uuid(), 1 + (g % 300000), 2, 'x', now() from generate_series(1, 3000000) g;
insert into ev_nofk select * from ev_full;
insert into ev_pkonly select * from ev_full;
insert into ev_heap select * from ev_full;
vacuum analyze;
SQL
python3 - "$work/rounds.sql" <<'PY'
import sys
variants = [('as the service stores it: primary key, (prospect_id, occurred_at) index, key to prospect', 'ev_full', ''),
            ('same, ON CONFLICT DO NOTHING', 'ev_full', ' on conflict (journey_id, id) do nothing'),
            ('without the key to prospect', 'ev_nofk', ''),
            ('without the key, ON CONFLICT DO NOTHING', 'ev_nofk', ' on conflict (journey_id, id) do nothing'),
            ('primary key only', 'ev_pkonly', ''),
            ('heap only, no index', 'ev_heap', '')]
out = ['\\set QUIET on']
for r in range(12):
    out.append("drop table if exists b; create temp table b as select gen_random_uuid() as id, "
               "1 + (hashint8(g + %d * 100000) & 262143)::bigint as pid, g from generate_series(1, 10000) g;" % r)
    for k, (name, table, oc) in enumerate(variants[r % 6:] + variants[:r % 6]):
        insert = "insert into %s select 1, id, pid, 2, 'act-1', now() + g * interval '1 second' from b%s;" % (table, oc)
        out += ["begin;", insert, "rollback;", "begin;", "\\timing on", insert, "\\timing off", "\\echo VARIANT " + name, "rollback;"]
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
PY
$psql -f "$work/rounds.sql" 2>&1 | grep -v NOTICE > "$work/times.txt"
{
  echo "# Row cost: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $($psql -Atc 'select version()' | cut -d, -f1)"
  python3 - "$work/times.txt" <<'PY'
import re, statistics, sys
last, times = None, {}
for line in open(sys.argv[1]):
    m = re.match(r'Time: ([0-9.]+) ms', line)
    if m: last = float(m.group(1))
    m = re.match(r'VARIANT (.+)', line.rstrip())
    if m: times.setdefault(m.group(1), []).append(last)
for name, v in times.items():
    print(f"{statistics.median(v):7.1f} ms per 10,000 rows (median of {len(v)}; {min(v):.1f} .. {max(v):.1f})  {name}")
PY
} | tee bench/last-row-cost.txt
