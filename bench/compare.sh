#!/usr/bin/env bash
# Two builds side by side on one kept dataset: each round starts the service from one build, warms it
# and samples the time-ordered orders (b) and (c), then does the same with the other build, so both are
# measured on the same machine in the same minutes. Usage:
#   BENCH_DATA_DIR=/tmp/bench1m bash bench/compare.sh BASE_APP_DIR CHANGED_APP_DIR [rounds] [prospects]
# where each APP_DIR is a copy of target/quarkus-app (writes bench/last-compare.txt). To compare a setting
# instead of a build, name one build twice and give the changed side's JVM options in BENCH_CHANGED_OPTS
# (e.g. a session setting of the database: -Dquarkus.datasource.jdbc.additional-jdbc-properties.options=-cNAME=VALUE).
# When the changed build needs another schema (a migration the base build cannot run on), load the same dataset
# once with each build and name the changed build's copy in BENCH_CHANGED_DATA_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
base=${1:?base build dir}
changed=${2:?changed build dir}
rounds=${3:-2}
prospects=${4:-1000000}
BENCH_APP=$base source bench/service.sh
export BENCH_OUT=bench/last-compare.txt
echo "# Compare: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, dataset $data${BENCH_CHANGED_DATA_DIR:+ (changed: $BENCH_CHANGED_DATA_DIR)}; base $base, changed $changed ${BENCH_CHANGED_OPTS:-}" > "$BENCH_OUT"
trap 'code=$?; stop_service; rm -rf "$bench_classes"; exit $code' EXIT
for round in $(seq 1 "$rounds"); do
  for build in base changed; do
    if [ $build = base ]; then app_dir=$base; opts=""; dir=$data; else app_dir=$changed; opts=${BENCH_CHANGED_OPTS:-}; dir=${BENCH_CHANGED_DATA_DIR:-$data}; fi
    BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} $opts" start_service "$dir"
    before=$(wal_counters)
    BENCH_MODE=orders-time-ordered BENCH_LABEL="$build r$round" bench "$prospects"
    print_wal "$build r$round" "$before" "$(wal_counters)"
    stop_service
  done
done
