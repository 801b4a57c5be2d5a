#!/usr/bin/env bash
# The due-time sweep with nothing due, on the kept 1 M dataset: the service's own journeys.alerts.sweep timer
# (/q/metrics) over the sweeps of half a minute with the watch as it is, then with every prospect of the 1 M journey
# watched and none due (rows put in by SQL, marked, and removed afterwards). The sweep runs every 2 s here so that its
# code is warm and the samples are many; at the default PT30S each sweep also pays for a cold start. Needs psql.
# Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/sweep-idle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
source bench/service.sh
export JOURNEYS_ALERTS_SWEEP_INTERVAL=PT2S
sql() { psql -qtAX -h localhost -p "$pgport" -U postgres -c "$1"; }
# The bench's rows carry told_at = epoch, which no row the service writes has while it waits for a moment.
trap 'code=$?; [ -n "${pgport:-}" ] && sql "delete from response_watch where told_at = timestamptz '"'"'epoch'"'"'" >/dev/null; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
sweeps() {
  curl -s "http://localhost:$port/q/metrics" | awk '/^journeys_alerts_sweep_seconds_count/ {c=$2} /^journeys_alerts_sweep_seconds_sum/ {s=$2} END {print c, s}'
}
measure() {
  sleep 8   # the first sweeps after a start or a change warm the code and the plans
  local before after
  before=$(sweeps)
  sleep 28
  after=$(sweeps)
  awk -v l="$1" -v w="$(sql 'select count(*) from response_watch')" -v b="$before" -v a="$after" 'BEGIN {
    split(b, x, " "); split(a, y, " ");
    printf "sweep   %-42s %9d prospects watched, nothing due: %d sweeps, %.1f ms each\n", l, w, y[1] - x[1], (y[2] - x[2]) * 1000 / (y[1] - x[1]) }'
}
start_service "$data"
echo "# The sweep with nothing due: $(date -u +%FT%TZ), $(nproc) cores"
measure "the watch as the dataset has it"
sql "insert into response_watch (prospect_id, journey_id, next_at, told_at) select p.id, p.journey_id, now() + interval '1 day',
     timestamptz 'epoch' from prospect p join journey j on j.id = p.journey_id where j.key = 'bench-report' on conflict do nothing"
sql "vacuum analyze response_watch"
measure "every prospect of the 1 M journey watched"
