#!/usr/bin/env bash
# Runs every command of README.md and docs/tour.md, block by block and in order, against the packaged jar, so
# the docs cannot drift from the service. `mvn quarkus:dev` is stood in for by the jar in the dev profile (the
# same dev-only key and dev data); other `mvn` lines are what CI runs anyway and are left out. A block that
# starts the packaged app (`java -jar`) first stops that stand-in, as the tour tells its reader to. Any command
# that fails fails the run, and so does a curl answered 5xx, 400, 401, 403, 404, 405, 406, 413, 414, 415, 431 or
# not at all (422, 409 and 412 are answers the docs show on purpose). ~ is a fresh folder of this run.
# Usage: bash docs/run-commands.sh   (needs bash, curl, jq, python3; builds the jar when it is missing;
#        KEEP_DOCS_RUN=1 keeps the outputs of a run that passed, too)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=$root/target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || mvn -q -B package -DskipTests
if command curl -s -o /dev/null http://localhost:8080/q/health/live; then
  echo "run-commands: port 8080 is already served; stop that first" >&2
  exit 1
fi
work=$(mktemp -d /tmp/journeys-docs-XXXX)
mkdir -p "$work/home" "$work/run"
ln -s "$root/examples" "$work/run/examples"
ln -s "$root/target" "$work/run/target"
cleanup() {
  local code=$?
  # Every process this run started carries its HOME: the stand-in and any jar a block started in the background.
  for pid in $(grep -l -s -z "^HOME=$work/home\$" /proc/[0-9]*/environ | cut -d/ -f3); do kill "$pid" 2>/dev/null || true; done
  while command curl -s -o /dev/null http://localhost:8080/q/health/live; do sleep 1; done
  [ $code -eq 0 ] && [ -z "${KEEP_DOCS_RUN:-}" ] && rm -rf "$work" || echo "run-commands: logs and files kept in $work" >&2
  exit $code
}
trap cleanup EXIT

# The script every block runs in: one shell, so exports carry from block to block as they do for a reader.
cat > "$work/prelude.sh" <<PRELUDE
set -euo pipefail
export HOME="$work/home"
export JAVA_TOOL_OPTIONS="-Duser.home=$work/home"
cd "$work/run"
curl() {
  local out code status
  out=\$(command curl -sS -w '\n@@status %{http_code}' "\$@") && code=0 || code=\$?
  status=\${out##*@@status }
  printf '%s\n' "\${out%$'\n'@@status *}"
  [ "\$status" = 000 ] && return \$code   # not up yet, or refused: curl said why
  echo "\$status" >> "$work/statuses"
  case "\$status" in
    400|401|403|404|405|406|413|414|415|431|5??) echo "run-commands: curl \$* answered \$status" >&2; return 1 ;;
  esac
  return \$code
}
wait_ready() {
  for _ in \$(seq 1 120); do command curl -sf http://localhost:8080/q/health/ready > /dev/null && return 0; sleep 1; done
  echo "run-commands: the service did not get ready" >&2; return 1
}
stand_in_for_dev_mode() {
  java -Dquarkus.profile=dev -jar "$jar" > "$work/dev-mode.log" 2>&1 &
  wait_ready
}
stop_dev_mode() {
  pkill -f -- "-Dquarkus.profile=dev -jar $jar" || true
  while command curl -s -o /dev/null http://localhost:8080/q/health/live; do sleep 1; done
}
PRELUDE

# Each fenced bash block of a file, as numbered files with mvn lines replaced or left out.
blocks=0
for doc in README.md docs/tour.md; do
  awk -v dir="$work" -v doc="$(basename "$doc" .md)" '
    /^```bash/ { n++; file = sprintf("%s/%s-%02d.sh", dir, doc, n); inblock = 1; next }
    /^```/ && inblock { inblock = 0; close(file); next }
    inblock {
      if ($0 ~ /^mvn quarkus:dev/) { print "stand_in_for_dev_mode" > file; next }
      if ($0 ~ /^mvn /) { next }
      if ($0 ~ /^java -jar/) { print "stop_dev_mode" > file }
      print > file
    }' "$doc"
done
{
  echo "source '$work/prelude.sh'"
  for block in $(ls "$work"/README-*.sh "$work"/tour-*.sh); do
    name=$(basename "$block" .sh)
    echo "echo '--- $name' >&2"
    cat "$block"
    echo
    blocks=$((blocks + 1))
  done
} > "$work/all.sh"
bash "$work/all.sh" > "$work/output.txt"
answers=$(sort "$work/statuses" | uniq -c | awk '{printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1}')
echo "run-commands: every command of $blocks blocks in README.md and docs/tour.md ran against the packaged jar; HTTP answers: $answers"
