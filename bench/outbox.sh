#!/usr/bin/env bash
# The webhook outbox's delivery side: 10,000 messages written at once, delivered to a loopback receiver
# (bench/Outbox.java), on a fresh embedded PostgreSQL or a kept dataset. Usage: bash bench/outbox.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/service.sh
data=${BENCH_DATA_DIR:-$(mktemp -d /tmp/journeys-bench-XXXX)}
keep=${BENCH_DATA_DIR:+yes}
export JOURNEYS_WEBHOOKS_ALLOW_PRIVATE=true
export JOURNEYS_WEBHOOKS_ENCRYPTION_KEY=${JOURNEYS_WEBHOOKS_ENCRYPTION_KEY:-YmVuY2gtb25seS13ZWJob29rLWtleS1ub3Qtc2VjcmU=}
trap 'code=$?; stop_service; [ -n "$keep" ] || rm -rf "$data"; rm -rf "$data.log" "$bench_classes"; exit $code' EXIT
start_service "$data"
javac -d "$bench_classes" bench/Outbox.java
java -cp "$driver:$bench_classes" Outbox "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "${1:-10000}"
