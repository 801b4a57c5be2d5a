#!/usr/bin/env bash
# What the statements of one time-ordered batch cost on a kept dataset, variant by variant: 10,000 fresh
# random event ids for random existing prospects of the report journey each round, every statement
# inside begin/rollback, variants rotating over the rounds, one untimed pass first (warm cache).
# Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/sql/batch-cost.sh [rounds]   (writes bench/last-batch-cost.txt)
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by bench/run.sh}
rounds=${1:-12}
source bench/service.sh
trap 'stop_service; rm -rf "$bench_classes" "$work"' EXIT
work=$(mktemp -d /tmp/batch-cost-XXXX)
start_service "$data"
psql="psql -X -q -h localhost -p $pgport -U postgres -d postgres"
journey=$($psql -Atc "select id from journey where key = 'bench-report'")
python3 - "$journey" "$rounds" > "$work/rounds.sql" <<'PY'
import sys
journey, rounds = sys.argv[1], int(sys.argv[2])
insert = ("insert into event (journey_id, id, prospect_id, type, element, occurred_at, attributes) "
          "select %s, id, pid, 3, 'tp-1', now() + g * interval '1 second', null from b" % journey)
arrays = """update prospect p set
  entries = case when u.e is null then p.entries else array(select v from unnest(p.entries || u.e) as v order by v) end,
  actions = case when u.a is null then p.actions else array(select v from unnest(p.actions || u.a) as v order by v) end,
  touches = case when u.t is null then p.touches else array(select v from unnest(p.touches || u.t) as v order by v) end,
  opt_outs = case when u.o is null then p.opt_outs else array(select v from unnest(p.opt_outs || u.o) as v order by v) end,
  first_seen_at = least(p.first_seen_at, u.f), last_event_at = greatest(p.last_event_at, u.l)"""
attributes = """,
  attributes = case when u.attrs is null then p.attributes when p.attributes_at is null or u.a_at >= p.attributes_at
    then p.attributes || u.attrs else u.attrs || p.attributes end, attributes_at = greatest(p.attributes_at, u.a_at)"""
by_id = " from (select * from b order by pid) u where p.id = u.pid"
by_ctid = " from (select * from b order by tid) u where p.ctid = u.tid and p.id = u.pid"
fill = ("truncate b; insert into b select gen_random_uuid(), p.id, p.ctid, null, null, array[(extract(epoch from now())::bigint << 12) + 3], "
        "null, now(), now(), %s, now(), row_number() over () from (select id, ctid from prospect where journey_id = " + journey
        + " order by random() limit 10000) p;")
variants = [
    ("lookup by external id, nothing locked", fill % "null", ["select count(*) from prospect where journey_id = %s and external_id = any(array(select x.external_id from prospect x join b on x.id = b.pid))" % journey]),
    ("lookup by external id, locked in id order", fill % "null", ["select count(*) from (select id from prospect where journey_id = %s and external_id = any(array(select x.external_id from prospect x join b on x.id = b.pid)) order by id for update) s" % journey]),
    ("insert events as the service does (on conflict, returning, key to prospect)", fill % "null", [insert + " on conflict (prospect_id, id) do nothing returning id"]),
    ("insert events without the key to prospect", fill % "null", ["set local session_replication_role = replica", insert + " on conflict (prospect_id, id) do nothing returning id"]),
    ("insert events, plain insert", fill % "null", [insert]),
    ("merge assigning attributes (before 01f5dee)", fill % "null", [arrays + attributes + by_id]),
    ("merge without attributes (as the service does)", fill % "null", [arrays + by_id]),
    ("row rewrite alone: the time span, no arrays", fill % "null",
     ["update prospect p set first_seen_at = least(p.first_seen_at, u.f), last_event_at = greatest(p.last_event_at, u.l)" + by_id]),
    ("merge appending without the sort (arrays unsorted: not a valid merge, its price only)", fill % "null",
     ["""update prospect p set entries = coalesce(p.entries || u.e, p.entries), actions = coalesce(p.actions || u.a, p.actions),
  touches = coalesce(p.touches || u.t, p.touches), opt_outs = coalesce(p.opt_outs || u.o, p.opt_outs),
  first_seen_at = least(p.first_seen_at, u.f), last_event_at = greatest(p.last_event_at, u.l)""" + by_id]),
    ("merge without attributes, by ctid", fill % "null", [arrays + by_ctid]),
    ("merge with changed attributes, one statement", fill % "'{\"role\": \"cto\"}'", [arrays + attributes + by_id]),
    ("merge with changed attributes, progress then attributes (as the service does)", fill % "'{\"role\": \"cto\"}'",
     [arrays + by_id, "update prospect p set attributes = p.attributes || u.attrs, attributes_at = greatest(p.attributes_at, u.a_at)" + by_id]),
]
out = ["\\set QUIET on", "create temp table b (id uuid, pid bigint, tid tid, e bigint[], a bigint[], t bigint[], o bigint[], "
       "f timestamptz, l timestamptz, attrs jsonb, a_at timestamptz, g int);"]
for r in range(rounds + 1):
    for name, prepare, statements in variants[r % len(variants):] + variants[:r % len(variants)]:
        out += [prepare, "begin;"]
        for sql in statements:
            if sql.startswith("set local"):
                out.append(sql + ";")
                continue
            out += ["\\timing on", sql + " \\g /dev/null", "\\timing off", "\\echo PART %d %s" % (r, name)]
        out.append("rollback;")
print("\n".join(out))
PY
$psql -f "$work/rounds.sql" > "$work/times.txt" 2>&1
{
  echo "# Batch cost: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dataset $data, $rounds rounds of 10,000 random existing prospects"
  python3 - "$work/times.txt" <<'PY'
import re, statistics, sys
last, parts = None, {}
for line in open(sys.argv[1]):
    m = re.match(r'Time: ([0-9.]+) ms', line)
    if m: last = float(m.group(1))
    m = re.match(r'PART (\d+) (.+)', line.rstrip())
    if m and m.group(1) != '0':  # round 0 is the untimed warm-up
        parts.setdefault(m.group(2), {}).setdefault(m.group(1), 0.0)
        parts[m.group(2)][m.group(1)] += last
for name, by_round in parts.items():
    v = list(by_round.values())
    print(f"{statistics.median(v):7.1f} ms per 10,000 (median of {len(v)}; {min(v):.1f} .. {max(v):.1f})  {name}")
PY
} | tee bench/last-batch-cost.txt
