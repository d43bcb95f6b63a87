#!/usr/bin/env bash
# The classic transport against the sharded one on a 3-master Redis Cluster, interleaved: three sample-app nodes
# per run, driven by the project's load generator (sample-app/bench/load.js), one JSON line per run with the CPU of
# every server and of every Redis process.
#
# Usage: docs/bench-results/redis-cluster-transports.sh [repetitions] [scenario] > results.jsonl
#   repetitions  default 2; the order of the two transports alternates from one to the next
#   scenario     many-rooms (default) or fanout, as the harness's run.sh defines them
# Needs redis-server and redis-cli 7+, Java 17, Node, curl, sample-app/target/sample-app.jar
# (./mvnw -q package -DskipTests -pl sample-app -am) and the load generator's packages ((cd sample-app/bench && npm ci)).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=$HERE/../../sample-app/target/sample-app.jar
LOAD=$HERE/../../sample-app/bench/load.js
REPS=${1:-2}
SCEN=${2:-many-rooms}
REDIS_PORTS=(7301 7302 7303)       # cluster bus ports: +10000
SERVER_PORTS=(18301 18302 18303)
COMMON="--size=64 --warmup=30 --duration=20 --drain=5"
case "$SCEN" in
  fanout)     ARGS="--clients=300 --rooms=1 --publishers=1 --rate=0 --window=16 $COMMON" ;;
  many-rooms) ARGS="--clients=600 --rooms=200 --publishers=10 --rate=0 --window=16 $COMMON" ;;
  *) echo "unknown scenario $SCEN" >&2; exit 2 ;;
esac

WORK=$(mktemp -d -t cluster-transports.XXXXXX)
REDIS_PIDS=(); SERVER_PIDS=()
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
cleanup() {
  stop_servers
  for pid in "${REDIS_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# ------------------------------------------------------------------ a Redis Cluster of three masters, no replica
for port in "${REDIS_PORTS[@]}"; do
  mkdir -p "$WORK/$port"
  redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes.conf \
    --save '' --appendonly no --dir "$WORK/$port" --logfile "$WORK/$port/redis.log" &
  REDIS_PIDS+=($!)
done
for port in "${REDIS_PORTS[@]}"; do
  for _ in $(seq 1 50); do redis-cli -p "$port" ping >/dev/null 2>&1 && break; sleep 0.1; done
done
redis-cli --cluster create $(printf '127.0.0.1:%s ' "${REDIS_PORTS[@]}") --cluster-replicas 0 --cluster-yes >/dev/null
for port in "${REDIS_PORTS[@]}"; do
  until redis-cli -p "$port" cluster info | grep -q 'cluster_state:ok'; do sleep 0.2; done
done
NODES=$(printf '127.0.0.1:%s,' "${REDIS_PORTS[@]}"); NODES=${NODES%,}
REDIS_PIDARG="redis-a:${REDIS_PIDS[0]},redis-b:${REDIS_PIDS[1]},redis-c:${REDIS_PIDS[2]}"

# ------------------------------------------------------------------ one run: three nodes of one transport
run() {
  local adapter=$1 urls="" pidarg=$REDIS_PIDARG
  for i in 0 1 2; do
    PORT=${SERVER_PORTS[$i]} HOST=127.0.0.1 REDIS_CLUSTER_NODES=$NODES ADAPTER=$adapter SERVER_ID="s$((i + 1))" \
      java -jar "$JAR" >"$WORK/s$i.log" 2>&1 &
    SERVER_PIDS+=($!)
    urls="${urls:+$urls,}http://127.0.0.1:${SERVER_PORTS[$i]}"
    pidarg="$pidarg,s$((i + 1)):$!"
  done
  for i in 0 1 2; do
    until curl -s -m 2 "http://127.0.0.1:${SERVER_PORTS[$i]}/socket.io/?EIO=4&transport=polling" | grep -q '^0{'; do
      kill -0 "${SERVER_PIDS[$i]}" || { cat "$WORK/s$i.log" >&2; exit 1; }
      sleep 0.25
    done
  done
  node "$LOAD" --urls="$urls" --pids="$pidarg" --scenario="$SCEN" --impl="$adapter" $ARGS \
    | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        const r = JSON.parse(s); r.redis = "cluster of 3 masters"; r.cmd = "ADAPTER=" + process.argv[1];
        process.stdout.write(JSON.stringify(r) + "\n"); });' "$adapter"
  stop_servers
}

for rep in $(seq 1 "$REPS"); do
  if [ $((rep % 2)) = 1 ]; then order="classic sharded"; else order="sharded classic"; fi
  for adapter in $order; do
    echo "cluster-transports: repetition $rep, $adapter, $SCEN" >&2
    run "$adapter"
  done
done
