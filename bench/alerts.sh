#!/usr/bin/env bash
# Response alerts at 1 M prospects (bench/Alerts.java): the sweep with nothing due, ingest with and without a
# response subscription, and 10,000 actions falling due together delivered to a loopback receiver. Needs the
# dataset `BENCH_DATA_DIR=dir bash bench/run.sh full` loads and keeps.
# Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/alerts.sh   (JOURNEYS_ALERTS_SWEEP_INTERVAL: default PT30S;
#        BENCH_ALERTS_PART=ingest BENCH_PAIRS=12: only the ingest pairs, twelve of them)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
[ -f "$data/PG_VERSION" ] || { echo "no dataset in $data: load one with bench/run.sh full first" >&2; exit 2; }
source bench/service.sh
export JOURNEYS_WEBHOOKS_ALLOW_PRIVATE=true
export JOURNEYS_WEBHOOKS_ENCRYPTION_KEY=${JOURNEYS_WEBHOOKS_ENCRYPTION_KEY:-YmVuY2gtb25seS13ZWJob29rLWtleS1ub3Qtc2VjcmU=}
interval=${JOURNEYS_ALERTS_SWEEP_INTERVAL:-PT30S}
export JOURNEYS_ALERTS_SWEEP_INTERVAL=$interval
seconds=$(echo "$interval" | sed -E 's/^PT([0-9]+)S$/\1/')
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
start_service "$data"
javac -d "$bench_classes" bench/Alerts.java
java -cp "$driver:$bench_classes" Alerts "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "$seconds" \
  | tee "${BENCH_OUT:-bench/last-alerts.txt}"
