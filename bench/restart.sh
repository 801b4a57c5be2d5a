#!/usr/bin/env bash
# The first minute after a restart of service and database under two settings, alternating on one kept
# dataset (issue 11): each restart stops both, drops the operating system's page cache (when this user
# may), starts the jar with BENCH_JAVA_OPTS (base) or BENCH_JAVA_OPTS plus BENCH_CHANGED_OPTS (changed),
# and posts (b) or (c) for 60 s as orders.sh does, reading the WAL and page images it wrote.
# Usage: BENCH_CHANGED_OPTS=-D... BENCH_DATA_DIR=/tmp/g3m bash bench/restart.sh [prospects] [rounds]
# (writes bench/last-restart.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
[ -f "$data/PG_VERSION" ] || { echo "no dataset in $data: load one with bench/run.sh full first" >&2; exit 2; }
changed_opts=${BENCH_CHANGED_OPTS:?set BENCH_CHANGED_OPTS to the JVM options of the changed side}
prospects=${1:-1000000}
rounds=${2:-2}
source bench/service.sh
export BENCH_OUT=bench/last-restart.txt
echo "# Restarts: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dataset $data ($(du -sh "$data" | cut -f1)); changed: $changed_opts" > "$BENCH_OUT"
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
base_opts=${BENCH_JAVA_OPTS:-}
app=""
for round in $(seq 1 "$rounds"); do
  for order in b c; do
    for side in base changed; do
      [ -z "$app" ] || stop_service
      if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache="page cache dropped"; else cache="page cache kept"; fi
      if [ $side = base ]; then opts=$base_opts; else opts="$base_opts $changed_opts"; fi
      BENCH_JAVA_OPTS="$opts" start_service "$data"
      echo "# round $round, $side: restart ($cache), first minute of ($order)" >> "$BENCH_OUT"
      before=$(wal_counters)
      BENCH_MODE=orders-first-minute-$order bench "$prospects"
      print_wal "$side r$round ($order)" "$before" "$(wal_counters)"
    done
  done
done
