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

# wal_counters: WAL bytes, full-page images, checkpoints and those WAL volume asked for (psql, if any).
wal_counters() {
  command -v psql >/dev/null || return 0
  psql -qtAX -h localhost -p "$pgport" -U postgres -c "select w.wal_bytes::bigint, w.wal_fpi, c.num_timed + c.num_requested,
    c.num_requested from pg_stat_wal w, pg_stat_checkpointer c" 2>/dev/null || true
}

# print_wal LABEL BEFORE AFTER: what was written between two wal_counters readings, added to BENCH_OUT after
# the client, which rewrites that file when it ends.
print_wal() {
  [ -n "$2" ] && [ -n "$3" ] || return 0
  awk -v l="$1" -v b="$2" -v a="$3" 'BEGIN { split(b, x, "|"); split(a, y, "|");
    printf "wal     %-12s %.2f GB of WAL, %d full-page images, %d checkpoints (%d asked for by WAL volume)\n",
      l, (y[1] - x[1]) / 1e9, y[2] - x[2], y[3] - x[3], y[4] - x[4] }' >> "$BENCH_OUT"
}
