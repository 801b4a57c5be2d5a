#!/usr/bin/env bash
# Runs the benchmark: the packaged service on a fresh embedded PostgreSQL (durable settings, as a
# user runs it), then bench/Bench.java against both. Usage: bash bench/run.sh [quick|full|N] [seed]
# BENCH_DATA_DIR=dir keeps the database in dir; a later run with the same dir reuses the loaded
# dataset and measures only the reports (for iterating on report code).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-quick}
seed=${2:-20261124}
case "$size" in
  quick) prospects=20000 ;;
  full) prospects=1000000 ;;
  *) prospects=$size ;;
esac
# BENCH_APP=dir runs a copy of target/quarkus-app from elsewhere, so a build can go on meanwhile.
app_dir=${BENCH_APP:-target/quarkus-app}
[ -f "$app_dir/quarkus-run.jar" ] || mvn -q -B package -DskipTests
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
data=${BENCH_DATA_DIR:-$(mktemp -d /tmp/journeys-bench-XXXX)}
keep=${BENCH_DATA_DIR:+yes}
port=18080
# Every request needs a key: the service starts with a bootstrap key that Bench.java sends.
export BENCH_KEY=${BENCH_KEY:-bench-only-key-not-secret-0000}
JOURNEYS_BOOTSTRAP_KEY=$BENCH_KEY java -Xmx2g -Djourneys.embedded.data-dir="$data" -Dquarkus.http.port=$port -jar "$app_dir/quarkus-run.jar" > "$data.log" 2>&1 &
app=$!
trap 'code=$?; kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; [ -n "$keep" ] || rm -rf "$data"; rm -f "$data.log"; exit $code' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
pgport=$(sed -n 4p "$data/postmaster.pid")
java -Xmx4g -cp "$driver" bench/Bench.java "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "$prospects" "$seed"
