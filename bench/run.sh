#!/usr/bin/env bash
# Runs the benchmark: the packaged service on a fresh embedded PostgreSQL (durable settings, as a
# user runs it), then bench/Bench.java against both. Usage: bash bench/run.sh [quick|full] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-quick}
seed=${2:-20261124}
case "$size" in
  quick) prospects=20000 ;;
  full) prospects=1000000 ;;
  *) prospects=$size ;;
esac
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q -B package -DskipTests
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
data=$(mktemp -d /tmp/journeys-bench-XXXX)
port=18080
java -Xmx2g -Djourneys.embedded.data-dir="$data" -Dquarkus.http.port=$port -jar target/quarkus-app/quarkus-run.jar > "$data.log" 2>&1 &
app=$!
trap 'code=$?; kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$data" "$data.log"; exit $code' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
pgport=$(sed -n 4p "$data/postmaster.pid")
java -Xmx4g -cp "$driver" bench/Bench.java "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "$prospects" "$seed"
