#!/usr/bin/env bash
# Runs the benchmark: the packaged service on a fresh embedded PostgreSQL (durable settings, as a
# user runs it), then bench/Bench.java against both. Usage: bash bench/run.sh [quick|full|N] [seed]
# BENCH_DATA_DIR=dir keeps the database in dir; a later run with the same dir reuses the loaded
# dataset and measures only the reports (for iterating on report code).
# BENCH_APP=dir runs a copy of target/quarkus-app from elsewhere, so a build can go on meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-quick}
seed=${2:-20261124}
case "$size" in
  quick) prospects=20000 ;;
  full) prospects=1000000 ;;
  *) prospects=$size ;;
esac
source bench/service.sh
data=${BENCH_DATA_DIR:-$(mktemp -d /tmp/journeys-bench-XXXX)}
keep=${BENCH_DATA_DIR:+yes}
trap 'code=$?; stop_service; [ -n "$keep" ] || rm -rf "$data"; rm -rf "$data.log" "$bench_classes"; exit $code' EXIT
start_service "$data"
bench "$prospects" "$seed"
