#!/usr/bin/env bash
# How much the embedded server's build costs: the embedded PostgreSQL 17 binaries are compiled with -Os
# (optimised for size); Debian's PostgreSQL 15 with -O2. Both get a fresh cluster with the same settings
# and the same SQL, a time-ordered 10,000-event batch into 300,000 prospects (look up and lock the
# prospects, insert the events, merge into the prospects' rows), rounds alternating between them.
# Run as root after the service has run once and with Debian's postgresql-15 installed.
# Usage: bash bench/sql/server-build.sh   (writes bench/last-server-build.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
declare -A bin=([embedded]=$(ls -d /tmp/embedded-pg/PG-*/bin | head -1) [debian]=/usr/lib/postgresql/15/bin) port=([embedded]=55431 [debian]=55432)
work=$(mktemp -d /tmp/server-build-XXXX); chmod 777 "$work"
for s in embedded debian; do
  install -d -o postgres "$work/$s"
  su postgres -c "${bin[$s]}/initdb -D $work/$s -U postgres -A trust" >/dev/null
  printf "port = %s\nshared_buffers = 2GB\nmax_wal_size = 8GB\ncheckpoint_timeout = 30min\nunix_socket_directories = '%s'\n" \
    "${port[$s]}" "$work" >> "$work/$s/postgresql.conf"
  su postgres -c "${bin[$s]}/pg_ctl -D $work/$s -l $work/$s.log -w start" >/dev/null
done
trap 'for s in embedded debian; do su postgres -c "${bin[$s]}/pg_ctl -D $work/$s -m fast stop" >/dev/null; done; rm -rf "$work"' EXIT
cat > "$work/setup.sql" <<'SQL'
create table prospect (id bigserial primary key, journey_id bigint not null, external_id text not null,
  touches bigint[] not null default '{}', last_event_at timestamptz not null, unique (journey_id, external_id));
create table event (journey_id bigint not null, id uuid not null, prospect_id bigint not null references prospect (id),
  type smallint not null, element text not null, occurred_at timestamptz not null, primary key (journey_id, id));
create index on event (prospect_id, occurred_at);
insert into prospect (journey_id, external_id, last_event_at) select 1, 'crm-' || g, now() from generate_series(1, 300000) g;
vacuum analyze prospect;
SQL
cat > "$work/batch.sql" <<'SQL'
\set QUIET on
begin;
create temp table b on commit drop as select gen_random_uuid() as id,
  'crm-' || (1 + (hashint8(g + (extract(epoch from clock_timestamp()) * 1000)::bigint) & 262143)) as x, g from generate_series(1, 10000) g;
\timing on
select count(*) from (select p.id from prospect p join b on p.journey_id = 1 and p.external_id = b.x order by p.id for update of p) l;
\echo STEP look up and lock the prospects
insert into event select 1, b.id, p.id, 2, 'act-1', now() + b.g * interval '1 second' from b join prospect p on p.journey_id = 1 and p.external_id = b.x;
\echo STEP insert the events
update prospect p set touches = p.touches || (extract(epoch from now())::bigint * 4096), last_event_at = now()
  from (select distinct x from b) u where p.journey_id = 1 and p.external_id = u.x;
\echo STEP merge into the prospects
commit;
\echo STEP commit
SQL
for s in embedded debian; do psql -h 127.0.0.1 -p "${port[$s]}" -U postgres -q -f "$work/setup.sql"; done
for round in 1 2 3; do
  for s in embedded debian; do
    for i in $(seq 1 8); do psql -h 127.0.0.1 -p "${port[$s]}" -U postgres -f "$work/batch.sql" | sed "s/^/$s /"; done
  done
done > "$work/times.txt"
{
  echo "# Server build: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores"
  for s in embedded debian; do echo "# $s: $(psql -h 127.0.0.1 -p "${port[$s]}" -U postgres -Atc 'select version()' | cut -d, -f1,3)"; done
  python3 - "$work/times.txt" <<'PY'
import re, statistics, sys
last, t = {}, {}
for line in open(sys.argv[1]):
    server, rest = line.split(' ', 1)
    m = re.match(r'Time: ([0-9.]+) ms', rest)
    if m: last[server] = float(m.group(1))
    m = re.match(r'STEP (.+)', rest.rstrip())
    if m: t.setdefault(m.group(1), {}).setdefault(server, []).append(last[server])
for step, by in t.items():
    e, d = statistics.median(by['embedded']), statistics.median(by['debian'])
    print(f"{step:32s} embedded -Os {e:7.1f} ms   Debian -O2 {d:7.1f} ms   ratio {e / d:.2f}  (medians of {len(by['embedded'])} batches)")
PY
} | tee bench/last-server-build.txt
