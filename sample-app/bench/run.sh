#!/usr/bin/env bash
# One benchmark run: a private redis-server, a cluster of servers of one implementation, one scenario. Prints one
# JSON line: the load generator's (load.js) with the servers' peak RSS and start-up time added.
#
# Usage: sample-app/bench/run.sh <java|java-baseline|java-defaults|node> <fanout|many-rooms|latency|idle|smoke>
#        [load.js options]
#   java: the sample app (sample-app/target/sample-app.jar) as docs/performance.md recommends running a node: the
#         jar extracted, with a class data sharing archive made by a training run (both once, in target/bench/cds),
#         and JAVA_OPTS, by default JAVA_RECOMMENDED below; java-baseline: the same with BASELINE_JAR, the
#         sample-app.jar of another build (an earlier commit's: a change measured before and after in one run);
#         java-defaults: java -jar sample-app.jar, no JVM option; node: node-server.js
# Env: SERVERS (default: the scenario's), JAVA_OPTS, BASELINE_JAR, REDIS_PORT and BASE_PORT (default: free ports
#      from 16400 and 18100), KEEP_LOGS (a folder to keep the servers' and Redis' logs in).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR=$HERE/../target/sample-app.jar
die() { echo "run.sh: $*" >&2; exit 2; }
[ $# -ge 2 ] || die "usage: run.sh <java|java-baseline|java-defaults|node> <scenario> [load.js options]"
IMPL=$1; SCENARIO=$2; shift 2

# three nodes share this machine: each gets the threads of one core (Netty's and Lettuce's event loops, the GC's),
# the serial collector and a heap sized for what a node holds, gives the memory its JIT freed back every 5 s, and
# Netty's leak detector is off (docs/performance.md, "JVM settings")
JAVA_RECOMMENDED="-XX:ActiveProcessorCount=1 -XX:+UseSerialGC -Xmx64m -XX:TrimNativeHeapInterval=5000 -XX:-UsePerfData -Dspring.netty.leak-detection=disabled"
CDS=$HERE/../target/bench/cds
case "$IMPL" in
  java-baseline) [ -f "${BASELINE_JAR:-}" ] || die "java-baseline runs BASELINE_JAR, the sample-app.jar of another build"
                 JAR=$BASELINE_JAR; CDS=$CDS-baseline ;;&
  java|java-defaults) [ -f "$JAR" ] || die "build the sample app first: ./mvnw -q package -DskipTests -Dmaven.jar.forceCreation=true -pl sample-app -am" ;;&
  java|java-baseline) JAVA_OPTS=${JAVA_OPTS-$JAVA_RECOMMENDED}
        COMMAND="java $JAVA_OPTS -XX:SharedArchiveFile=$CDS/app.jsa -jar $CDS/$(basename "$JAR")" ;;
  java-defaults) JAVA_OPTS=""; COMMAND="java -jar $JAR" ;;
  node) JAVA_OPTS=""; COMMAND="node $HERE/node-server.js" ;;
  *) die "unknown implementation '$IMPL' (java | java-baseline | java-defaults | node)" ;;
esac
[ -d "$HERE/node_modules" ] || die "install the load generator first: (cd $HERE && npm ci)"

# every scenario: 64-byte payloads, 60 s of warm-up (the JVM's JIT still compiles, on two busy cores, 30 s in), a 20 s
# window; latency warms up closed loop, then 30 s more at its rate (the JIT compiles again for what the rate makes hot)
COMMON="--size=64 --warmup=60 --duration=20 --drain=5"
case "$SCENARIO" in
  fanout)     SERVERS=${SERVERS:-3}; LOAD="--clients=300 --rooms=1 --publishers=1 --rate=0 --window=16 $COMMON" ;;
  many-rooms) SERVERS=${SERVERS:-3}; LOAD="--clients=600 --rooms=200 --publishers=10 --rate=0 --window=16 $COMMON" ;;
  latency)    SERVERS=${SERVERS:-3}; LOAD="--clients=30 --rooms=1 --publishers=3 --rate=200 --warmup-rate=0 --rate-warmup=30 --echo-rate=20 $COMMON" ;;
  idle)       SERVERS=${SERVERS:-3}; LOAD="--clients=3000 --rooms=1000 --publishers=0 --warmup=0 --duration=5 --drain=0" ;;
  smoke)      SERVERS=${SERVERS:-2}; LOAD="--clients=10 --rooms=2 --publishers=2 --rate=50 --size=16 --warmup=2 --duration=3 --drain=3" ;;
  *) die "unknown scenario '$SCENARIO' (fanout | many-rooms | latency | idle | smoke)" ;;
esac
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true # the load generator holds a socket per client

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port=$1; while port_busy "$port"; do port=$((port + 1)); done; echo "$port"; }

LOGS=${KEEP_LOGS:-$(mktemp -d -t bench-run.XXXXXX)}
mkdir -p "$LOGS"
REDIS_PID=""; SERVER_PIDS=()
cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}" $REDIS_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}" $REDIS_PID; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  [ -n "${KEEP_LOGS:-}" ] || rm -rf "$LOGS"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

REDIS_PORT=${REDIS_PORT:-$(free_port 16400)}
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --logfile "$LOGS/redis.log" &
REDIS_PID=$!
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

# Spring Boot's recipe for class data sharing: the training run starts the application and exits once its context is
# refreshed, saving the classes it loaded; made again when the jar, the JVM or the options change (an archive is only
# valid for the JVM that wrote it)
ARCHIVED="$(stat -c %Y "$JAR") $JAR $(java -version 2>&1 | grep -m1 version) $JAVA_OPTS"
if [[ "$IMPL" == java || "$IMPL" == java-baseline ]] \
    && { [ ! -f "$CDS/app.jsa" ] || [ "$(cat "$CDS/archived" 2>/dev/null)" != "$ARCHIVED" ]; }; then
  rm -rf "$CDS"
  java -Djarmode=tools -jar "$JAR" extract --destination "$CDS" >/dev/null
  # the same path to the jar as the servers are started with: an archive records its class path, and the JVM ignores
  # it (with a warning in the server's log) when a server's differs
  PORT=$(free_port 18900) HOST=127.0.0.1 REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT \
    java $JAVA_OPTS -XX:ArchiveClassesAtExit="$CDS/app.jsa" -Dspring.context.exit=onRefresh -jar "$CDS/$(basename "$JAR")" \
    >"$LOGS/cds-training.log" 2>&1 || { tail -20 "$LOGS/cds-training.log" >&2; die "the CDS training run failed"; }
  echo "$ARCHIVED" > "$CDS/archived"
fi

URLS=""; PIDS="redis:$REDIS_PID"; port=${BASE_PORT:-18100}
started=$(date +%s.%N)
for i in $(seq 1 "$SERVERS"); do
  port=$(free_port "$port")
  PORT=$port HOST=127.0.0.1 REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT SERVER_ID="s$i" \
    bash -c "exec $COMMAND" >"$LOGS/s$i.log" 2>&1 &
  SERVER_PIDS+=($!)
  URLS="${URLS:+$URLS,}http://127.0.0.1:$port"; PIDS="$PIDS,s$i:$!"
  port=$((port + 1))
done
for i in $(seq 1 "$SERVERS"); do
  url=$(echo "$URLS" | cut -d, -f"$i")
  for _ in $(seq 1 360); do
    kill -0 "${SERVER_PIDS[$((i - 1))]}" 2>/dev/null || { tail -20 "$LOGS/s$i.log" >&2; die "server s$i exited"; }
    curl -s -m 2 "$url/socket.io/?EIO=4&transport=polling" | grep -q '^0{' && continue 2
    sleep 0.25
  done
  die "server s$i not ready after 90 s"
done
STARTUP_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
if unused=$(grep -h -m1 'Unable to use shared archive' "$LOGS"/s*.log); then
  die "a server ran without its class data sharing archive: $unused"
fi
echo "run.sh: $IMPL x$SERVERS ready in ${STARTUP_S}s, scenario $SCENARIO" >&2

LINE=$(node "$HERE/load.js" --urls="$URLS" --pids="$PIDS" --scenario="$SCENARIO" --impl="$IMPL" $LOAD "$@")
RSS="{"
for i in $(seq 1 "$SERVERS"); do
  kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/${SERVER_PIDS[$((i - 1))]}/status" 2>/dev/null || echo 0)
  RSS="$RSS\"s$i\":$(( ${kb:-0} / 1024 )),"
done
RSS="${RSS%,}}"
node -e 'const r = JSON.parse(process.argv[1]);
  Object.assign(r, { servers: +process.argv[2], startupS: +process.argv[3], peakRssMB: JSON.parse(process.argv[4]),
    javaOpts: process.argv[5] || null });
  console.log(JSON.stringify(r));' "$LINE" "$SERVERS" "$STARTUP_S" "$RSS" "${JAVA_OPTS:-}"
