#!/usr/bin/env bash
# One report over HTTP, two builds side by side, each on its own kept dataset (a migration may keep the older build
# off the newer one's): rounds alternate the builds; each takes one warm-up and five timed runs, and prints the median.
# Usage: bash bench/reports-side-by-side.sh "OLD_APP OLD_DATA" "NEW_APP NEW_DATA" [rounds] [report query]
#   e.g. bash bench/reports-side-by-side.sh "/tmp/app-before /tmp/bench1m-old" "/tmp/app-final /tmp/bench1m" 2 \
#        'stale?asOf=2026-03-01T00:00:00Z'
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?OLD_APP OLD_DATA}
new=${2:?NEW_APP NEW_DATA}
rounds=${3:-2}
query=${4:-stale?asOf=2026-03-01T00:00:00Z}
source bench/service.sh
trap 'stop_service; rm -rf "$bench_classes"' EXIT
for round in $(seq 1 "$rounds"); do
  for pair in "$old" "$new"; do
    set -- $pair
    app_dir=$1
    start_service "$2"
    url="http://localhost:$port/api/v1/journeys/bench-report/reports/$query"
    curl -s -o /dev/null -H "Authorization: Bearer $BENCH_KEY" "$url"
    median=$(for _ in 1 2 3 4 5; do curl -s -o /dev/null -w "%{time_total}\n" -H "Authorization: Bearer $BENCH_KEY" "$url"; done | sort -n | sed -n 3p)
    echo "round $round $(basename "$1") ${query%%\?*} median ${median} s"
    stop_service
  done
done
