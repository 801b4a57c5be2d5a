#!/usr/bin/env bash
# Does the ingest rate depend on what the service did before (issue 26)? Each sample on a freshly started
# service and a fresh data directory: a shuffled import of 20,000 prospects (about 220,000 events, batches
# of 10,000, one client) into a new journey on a fresh service ("fresh"), and the same import after a small
# journey (600 prospects in batches of 250, then five reports) in the same service's life ("small"); then,
# on the service that did both, an import into a third journey after a restart ("restarted"). Several
# builds alternate sample by sample, so they are measured side by side.
# Usage: bash bench/history.sh [SAMPLES] [APP_DIR ...]   (default: 3 samples of target/quarkus-app); name copies
# of quarkus-app after their build (cp -r target/quarkus-app /tmp/app-new): the folder name labels the lines.
set -euo pipefail
cd "$(dirname "$0")/.."
samples=${1:-3}
shift || true
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(target/quarkus-app)
export BENCH_OUT=${BENCH_OUT:-bench/last-run.txt}
: > "$BENCH_OUT"
BENCH_APP=${apps[0]}
source bench/service.sh
javac -d "$bench_classes" -cp "$driver" bench/Bench.java bench/RealOrders.java bench/History.java
trap 'stop_service; rm -rf "$bench_classes"' EXIT
history() { # LABEL small|none SEED
  java -cp "$driver:$bench_classes" History "http://localhost:$port" "jdbc:postgresql://localhost:$pgport/postgres" "$@"
}
for s in $(seq 1 "$samples"); do
  for app_dir in "${apps[@]}"; do
    label=$(basename "$app_dir")
    for before in none small; do
      data=$(mktemp -d /tmp/journeys-history-XXXX)
      start_service "$data"
      history "$label" "$before" "$((20261206 + s))"
      if [ "$before" = small ]; then
        stop_service; start_service "$data"
        history "$label restarted" none "$((20261306 + s))"
      fi
      stop_service; rm -rf "$data" "$data.log"
    done
  done
done
