# Shared by run.sh and orders.sh (sourced): the packaged service on an embedded PostgreSQL data
# directory, started and stopped as a user would (durable settings), and the benchmark client.
app_dir=${BENCH_APP:-target/quarkus-app}
[ -f "$app_dir/quarkus-run.jar" ] || mvn -q -B package -DskipTests
driver=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' ! -name '*sources*' | sort | tail -1)
port=18080
# Every request needs a key: the service starts with a bootstrap key that Bench.java sends.
export BENCH_KEY=${BENCH_KEY:-bench-only-key-not-secret-0000}
bench_classes=$(mktemp -d /tmp/journeys-bench-classes-XXXX)
javac -d "$bench_classes" -cp "$driver" bench/Bench.java bench/RealOrders.java

# start_service DATA_DIR: starts the jar on DATA_DIR and waits until it is ready; sets app and pgport.
start_service() {
  # A service left running by an earlier run would answer the health check and the benchmark in its place.
  if curl -sf "http://localhost:$port/q/health/live" >/dev/null; then echo "port $port is already served; stop that first" >&2; return 1; fi
  # Appended, so the log of every start on a kept dataset stays beside it for a later look.
  echo "=== $(date -u +%FT%TZ) start of $app_dir" >> "$1.log"
  JOURNEYS_BOOTSTRAP_KEY=$BENCH_KEY java -Xmx2g ${BENCH_JAVA_OPTS:-} -Djourneys.embedded.data-dir="$1" -Dquarkus.http.port=$port \
    -jar "$app_dir/quarkus-run.jar" >> "$1.log" 2>&1 &
  app=$!
  for _ in $(seq 1 240); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
  kill -0 "$app" 2>/dev/null || { echo "the service did not start; see $1.log" >&2; return 1; }
  pgport=$(sed -n 4p "$1/postmaster.pid")
}

# stop_service: a graceful stop, which also stops the embedded PostgreSQL.
stop_service() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
}

# bench PROSPECTS [SEED]: runs the client (BENCH_MODE picks what it measures).
bench() {
  java -Xmx4g -cp "$driver:$bench_classes" Bench "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "$@"
}
