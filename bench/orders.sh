#!/usr/bin/env bash
# Ingest in the orders CRMs really send (issue 11), on a dataset kept by
# `BENCH_DATA_DIR=dir bash bench/run.sh full`: warm samples of (a) each prospect's events together,
# (b) time-ordered for existing prospects, (c) time-ordered with 20 % new prospects, each beside a raw
# COPY of the same rows; then, for (b) and for (c), the first minute after a restart of service and
# database with the operating system's page cache dropped (when this user may drop it).
# Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/orders.sh [prospects]   (writes bench/last-orders.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
[ -f "$data/PG_VERSION" ] || { echo "no dataset in $data: load one with bench/run.sh full first" >&2; exit 2; }
prospects=${1:-1000000}
source bench/service.sh
export BENCH_OUT=bench/last-orders.txt
echo "# Orders: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dataset $data ($(du -sh "$data" | cut -f1))" > "$BENCH_OUT"
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
start_service "$data"
BENCH_MODE=orders-warm bench "$prospects"
for order in b c; do
  stop_service
  if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache="page cache dropped"; else cache="page cache kept"; fi
  start_service "$data"
  echo "# restart of service and database ($cache) before the first minute of ($order)" >> "$BENCH_OUT"
  BENCH_MODE=orders-first-minute-$order bench "$prospects"
done
