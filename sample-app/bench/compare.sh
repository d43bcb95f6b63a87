#!/usr/bin/env bash
# The benchmark: this starter's sample app beside Node's reference server, interleaved, one JSON line per run and a
# Markdown summary. Builds the sample app, and installs the Node packages when they are missing, first.
#
# Usage: sample-app/bench/compare.sh [repetitions] [implementations] [scenarios]
#   defaults: 2 "node java" "fanout many-rooms latency idle"; implementations and scenarios: see run.sh
# Writes sample-app/target/bench/<UTC time>.jsonl and .md (OUT_DIR to change the folder); JAVA_OPTS and BASELINE_JAR
# as for run.sh.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
REPS=${1:-2}
IMPLS=(${2:-node java})
SCENARIOS=(${3:-fanout many-rooms latency idle})
OUT_DIR=${OUT_DIR:-$ROOT/sample-app/target/bench}

# built every time: Spring Boot's repackage leaves a jar as it is when the sample's own classes did not change, even if
# the starter's did (forceCreation makes the jar plugin, and then repackage, write it again)
(cd "$ROOT" && ./mvnw -B -q package -DskipTests -Dmaven.jar.forceCreation=true -pl sample-app -am)
[ -d "$HERE/node_modules" ] || (cd "$HERE" && npm ci --no-audit --no-fund --silent)
mkdir -p "$OUT_DIR"
OUT="$OUT_DIR/$(date -u +%Y%m%dT%H%M%SZ).jsonl"
echo "compare.sh: $REPS repetition(s) of ${SCENARIOS[*]} with ${IMPLS[*]} -> $OUT" >&2

for rep in $(seq 1 "$REPS"); do
  for scenario in "${SCENARIOS[@]}"; do
    # interleaved, and the order turns from one repetition to the next so that neither always runs first
    order=("${IMPLS[@]}")
    for _ in $(seq 2 "$rep"); do order=("${order[@]:1}" "${order[0]}"); done
    for impl in "${order[@]}"; do
      echo "compare.sh: repetition $rep/$REPS, $scenario, $impl" >&2
      "$HERE/run.sh" "$impl" "$scenario" | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const r = JSON.parse(s); r.repetition = +process.argv[1]; console.log(JSON.stringify(r)); });' "$rep" >> "$OUT" \
        || echo "compare.sh: the run failed" >&2
    done
  done
done
node "$HERE/summarize.js" "$OUT" > "${OUT%.jsonl}.md"
cat "${OUT%.jsonl}.md"
