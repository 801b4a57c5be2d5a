#!/usr/bin/env bash
# Segment calls through the receiver against the same kind of events through the native endpoint, side by
# side on a kept dataset (bench/Sources.java). Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/sources.sh [PROSPECTS] [ROUNDS] [BATCHES]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service.sh
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by bench/run.sh}
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
start_service "$data"
java -Xmx1g bench/Sources.java "http://localhost:$port" "${1:-1000000}" "${2:-3}" "${3:-40}"
