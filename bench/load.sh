#!/usr/bin/env bash
# Load, measured with a real load tool (hey, from Debian) against the packaged jar, on the 1 M-prospect
# dataset that `BENCH_DATA_DIR=dir bash bench/run.sh full` loads and keeps:
#   1. GET of a journey document at 500 requests/s for 60 s (hey, 5 workers at 100/s and 10 at 50/s);
#   2. a mixed minute: two designers editing one journey with If-Match (GET, then PATCH; a 412 when the
#      other was first is expected), two ingest clients posting time-ordered batches of 10,000 events
#      for existing prospects, and two analysts pulling the conversion and responses reports (hey).
# Usage: BENCH_DATA_DIR=/tmp/bench1m bash bench/load.sh [get]    (writes bench/last-load.txt; get: part 1 only)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${BENCH_DATA_DIR:?set BENCH_DATA_DIR to a dataset kept by: BENCH_DATA_DIR=dir bash bench/run.sh full}
[ -f "$data/PG_VERSION" ] || { echo "no dataset in $data: load one with bench/run.sh full first" >&2; exit 2; }
command -v hey >/dev/null || { apt-get update -qq && apt-get install -y -qq hey >/dev/null; }
app_dir=${BENCH_APP:-target/quarkus-app}
[ -f "$app_dir/quarkus-run.jar" ] || mvn -q -B package -DskipTests
key=${BENCH_KEY:-bench-only-key-not-secret-0000}
port=18090
base="http://localhost:$port/api/v1/journeys/bench-report"
work=$(mktemp -d /tmp/journeys-load-XXXX)
# One key stands in for many users' keys here, so its per-key limit (3,000 a minute by default) is raised.
JOURNEYS_RATE_LIMIT=${JOURNEYS_RATE_LIMIT:-100000} JOURNEYS_BOOTSTRAP_KEY=$key java -Xmx2g -Djourneys.embedded.data-dir="$data" -Dquarkus.http.port=$port \
  -jar "$app_dir/quarkus-run.jar" > "$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do curl -sf "http://localhost:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
auth="Authorization: Bearer $key"
out=bench/last-load.txt
: > "$out"
say() { echo "$*" | tee -a "$out"; }
say "# Load: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, hey $(dpkg-query -W -f='${Version}' hey 2>/dev/null || echo '?'), dataset $data"

# Time-ordered events for existing prospects, 10,000 a batch, as a CRM sends them.
python3 - "$work" <<'EOF'
import json, random, sys, uuid
work = sys.argv[1]
random.seed(20261124)
steps = ["notices-risk", "researches-risk", "builds-case", "compares-vendors", "runs-pilot", "decides"]
t = 1767225600  # 2026-01-01T00:00:00Z, after the dataset's year
for b in range(80):
    events = []
    for i in range(10000):
        t += 1
        s = random.randrange(6)
        kind = random.choice(["STEP_ENTERED", "ACTION_PERFORMED", "TOUCHPOINT_DELIVERED"])
        e = {"id": str(uuid.UUID(int=random.getrandbits(128), version=4)), "prospect": "crm-%d" % random.randrange(1000000),
             "type": kind, "occurredAt": "%sZ" % __import__("datetime").datetime.utcfromtimestamp(t).isoformat()}
        e[{"STEP_ENTERED": "step", "ACTION_PERFORMED": "action", "TOUCHPOINT_DELIVERED": "touchpoint"}[kind]] = \
            steps[s] if kind == "STEP_ENTERED" else ("act-%d" % s if kind == "ACTION_PERFORMED" else "tp-%d" % s)
        events.append(e)
    with open("%s/batch-%02d.json" % (work, b), "w") as f:
        json.dump(events, f)
EOF

percentiles() { # file of "seconds status" lines -> count, status counts, p50/p99 in ms
  python3 - "$1" <<'EOF'
import sys, collections
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
times = sorted(float(r[0]) * 1000 for r in rows)
status = collections.Counter(r[1] for r in rows)
pick = lambda p: times[min(len(times) - 1, max(0, int(round(p / 100 * len(times) + 0.5)) - 1))] if times else 0
print("%d requests, status %s, p50 %.0f ms, p99 %.0f ms" % (len(times), dict(sorted(status.items())), pick(50), pick(99)))
EOF
}
summary() { # hey output -> requests/s, p50, p99 (the slowest when hey has too few samples for a p99), status codes
  awk '/Requests\/sec/ {rps=$2} /Slowest:/ {max=$2*1000} /  50% in/ {p50=$3*1000} /  95% in/ {p95=$3*1000} /  99% in/ {p99=$3*1000}
       /\[[0-9]+\][[:space:]]+[0-9]+ responses/ {codes=codes $1 $2 " "} /Error distribution/ {err=1}
       END {tail = p99 > 0 ? sprintf("p99 %.1f ms", p99) : sprintf("p95 %.0f ms, slowest %.0f ms", p95, max);
            printf "%.1f requests/s, p50 %.1f ms, %s, status %s%s\n", rps, p50, tail, codes, (err ? ", ERRORS (see hey output)" : "")}' "$1"
}

# Warm the JVM and the journey's pages the way the first minutes of traffic would.
hey -z 10s -c 4 -H "$auth" "$base" > /dev/null

say "## 1. GET of a journey document, 500 requests/s for 60 s"
# hey paces each worker with its own ticker, and the tickers fire together: 5 workers at 100/s send
# bursts of 5 requests every 10 ms, 10 workers at 50/s bursts of 10 every 20 ms. Both are measured.
hey -z 60s -c 5 -q 100 -H "$auth" "$base" > "$work/get.txt"
say "get journey (hey -z 60s -c 5 -q 100): $(summary "$work/get.txt")"
hey -z 60s -c 10 -q 50 -H "$auth" "$base" > "$work/get-bursts.txt"
say "get journey (hey -z 60s -c 10 -q 50): $(summary "$work/get-bursts.txt")"

[ "${1:-all}" = get ] && exit 0
say "## 2. Mixed minute"
end=$(( $(date +%s) + 60 ))
designer() {
  local n=0
  while [ "$(date +%s)" -lt "$end" ]; do
    etag=$(curl -s -o /dev/null -D - -H "$auth" "$base" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag" {print $2}')
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -X PATCH -H "$auth" -H "If-Match: $etag" \
      -H 'Content-Type: application/merge-patch+json' -d "{\"description\":\"edit $n by designer $1\"}" \
      "$base/steps/decides" >> "$work/designer.txt"
    n=$((n + 1))
  done
}
ingester() {
  local b=$1
  while [ "$(date +%s)" -lt "$end" ] && [ $b -lt 80 ]; do
    curl -s -o /dev/null -w '%{time_total} %{http_code}\n' -X POST -H "$auth" -H 'Content-Type: application/json' \
      --data-binary @"$work/batch-$(printf %02d $b).json" "$base/events" >> "$work/ingest.txt"
    b=$((b + 2))
  done
}
pids=()
designer 1 & pids+=($!)
designer 2 & pids+=($!)
ingester 0 & pids+=($!)
ingester 1 & pids+=($!)
hey -z 60s -c 1 -H "$auth" "$base/reports/conversion?from=2025-01-01&to=2026-01-01" > "$work/conversion.txt" & pids+=($!)
hey -z 60s -c 1 -H "$auth" "$base/reports/responses?from=2025-01-01&to=2026-01-01&asOf=2026-03-01T00:00:00Z" \
  > "$work/responses.txt" & pids+=($!)
wait "${pids[@]}"
say "designers (GET + PATCH with If-Match, 2 clients), PATCH: $(percentiles "$work/designer.txt")"
say "ingest (2 clients, batches of 10,000 time-ordered events for existing prospects): $(percentiles "$work/ingest.txt")"
events=$(( $(wc -l < "$work/ingest.txt") * 10000 ))
say "ingest rate: $events events in 60 s = $(( events / 60 )) events/s"
say "conversion report (1 analyst): $(summary "$work/conversion.txt")"
say "responses report (1 analyst): $(summary "$work/responses.txt")"
[ -z "${LOAD_RAW_DIR:-}" ] || { mkdir -p "$LOAD_RAW_DIR"; cp "$work"/*.txt "$work/app.log" "$LOAD_RAW_DIR"/; }
grep -c ' 5[0-9][0-9] ' "$work/app.log" | sed 's/^/5xx lines in the access log: /' | tee -a "$out" || true
