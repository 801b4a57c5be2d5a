#!/usr/bin/env bash
# The first minute after a restart of service and database, with pg_prewarm's autoprewarm off and on,
# alternating on one kept dataset (issue 11): each restart stops both, drops the operating system's page
# cache (when this user may), starts the jar, and posts (b) or (c) for 60 s as orders.sh does. A warm-up
# of time-ordered ingest comes first, so the list of cached blocks the next start reads back is a warm
# server's. Usage: BENCH_DATA_DIR=/tmp/g3m bash bench/restart.sh [prospects] [rounds]
# (writes bench/last-restart.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
[ -f "$data/PG_VERSION" ] || { echo "no dataset in $data: load one with bench/run.sh full first" >&2; exit 2; }
prospects=${1:-1000000}
rounds=${2:-2}
source bench/service.sh
export BENCH_OUT=bench/last-restart.txt
echo "# Restarts: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dataset $data ($(du -sh "$data" | cut -f1))" > "$BENCH_OUT"
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
java_opts=${BENCH_JAVA_OPTS:-}
start_service "$data"
BENCH_MODE=orders-time-ordered BENCH_LABEL=warm-up bench "$prospects"
for round in $(seq 1 "$rounds"); do
  for order in b c; do
    for prewarm in false true; do
      stop_service
      if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache="page cache dropped"; else cache="page cache kept"; fi
      BENCH_JAVA_OPTS="$java_opts -Djourneys.embedded.autoprewarm=$prewarm" start_service "$data"
      echo "# round $round: restart ($cache), autoprewarm=$prewarm, first minute of ($order)" >> "$BENCH_OUT"
      BENCH_MODE=orders-first-minute-$order bench "$prospects"
    done
  done
done
# What the prewarm worker read back at each start, from PostgreSQL's own log lines in the service log.
grep -o 'autoprewarm successfully prewarmed [0-9]* of [0-9]* previously-loaded blocks' "$data.log" | tail -n $((2 * rounds)) \
  | sed 's/^/prewarm /' >> "$BENCH_OUT" || true
