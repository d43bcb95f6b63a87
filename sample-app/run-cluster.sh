#!/usr/bin/env bash
# Runs the sample cluster on this machine: a private Redis (a Docker container when a Docker engine answers, else
# redis-server) on a free loopback port and two sample nodes
# (one Java process each) clustered through it, each with its chat page, REST endpoint and actuator on an HTTP port.
# Stays in the foreground; Ctrl-C stops exactly what it started.
#
# Usage: sample-app/run-cluster.sh
# Env (all optional):
#   PORTS       Socket.IO ports of the nodes, one node each (default "9092 9093")
#   HTTP_PORTS  HTTP ports of the nodes, in the same order (default "8080 8081"; as many as PORTS)
#   REDIS_PORT  port of the private redis-server (default: the first free one from 6400)
#   JAVA_OPTS   extra JVM options for the nodes
#   LOG_DIR     where the node and redis logs go (default sample-app/target/run-cluster)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR="$HERE/target/sample-app.jar"
PORTS=(${PORTS:-9092 9093})
HTTP_PORTS=(${HTTP_PORTS:-8080 8081})
JAVA_OPTS=${JAVA_OPTS:-}
LOG_DIR=${LOG_DIR:-$HERE/target/run-cluster}

die() { echo "run-cluster: $*" >&2; exit 1; }
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Redis in a container when a Docker engine answers, else a local redis-server
USE_DOCKER=false
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  USE_DOCKER=true
else
  command -v redis-server >/dev/null \
    || die "no Docker engine and no redis-server; install Redis, e.g. 'sudo apt-get install redis-server' (Debian/Ubuntu), 'sudo dnf install redis' (Fedora) or 'brew install redis' (macOS)"
fi
redis_ping() { (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'PING\r\n' >&3 && read -r -t 1 reply <&3 && [[ $reply == +PONG* ]]) 2>/dev/null; }
command -v java >/dev/null || die "java not found; install a JDK 17 or later"
command -v curl >/dev/null || die "curl not found"
[ ${#PORTS[@]} -gt 0 ] || die "PORTS is empty"
[ ${#HTTP_PORTS[@]} -ge ${#PORTS[@]} ] || die "HTTP_PORTS needs one port per node: ${#PORTS[@]} (PORTS=\"${PORTS[*]}\")"
for port in "${PORTS[@]}"; do
  port_busy "$port" && die "port $port is already in use (set PORTS=\"...\" to pick others)"
done
for port in "${HTTP_PORTS[@]:0:${#PORTS[@]}}"; do
  port_busy "$port" && die "HTTP port $port is already in use (set HTTP_PORTS=\"...\" to pick others)"
done

if [ ! -f "$JAR" ]; then
  echo "run-cluster: building $JAR ..."
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
  [ -f "$JAR" ] || die "the build did not produce $JAR"
fi
mkdir -p "$LOG_DIR"

# ------------------------------------------------------------------ teardown: only what this script started
REDIS_PID=""
NODE_PIDS=()
cleanup() {
  trap - EXIT INT TERM
  local pid _ alive
  [ ${#NODE_PIDS[@]} -gt 0 ] && echo "run-cluster: stopping nodes ${NODE_PIDS[*]} and redis ${REDIS_PID:-}" >&2
  for pid in "${NODE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 80); do # netty-socketio needs ~4 s to stop
    alive=0
    for pid in "${NODE_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for pid in "${NODE_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "$REDIS_PID" ]; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$REDIS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$REDIS_PID" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ------------------------------------------------------------------ redis
REDIS_PORT=${REDIS_PORT:-}
if [ -z "$REDIS_PORT" ]; then
  REDIS_PORT=6400
  while port_busy "$REDIS_PORT"; do REDIS_PORT=$((REDIS_PORT + 1)); done
elif port_busy "$REDIS_PORT"; then
  die "REDIS_PORT $REDIS_PORT is already in use"
fi
if $USE_DOCKER; then
  # the client forwards Ctrl-C/SIGTERM to the container, which --rm then removes
  docker run --rm -p "127.0.0.1:$REDIS_PORT:6379" redis:7 redis-server --save '' --appendonly no \
    >"$LOG_DIR/redis.log" 2>&1 &
else
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --logfile "$LOG_DIR/redis.log" &
fi
REDIS_PID=$!
for _ in $(seq 1 300); do redis_ping "$REDIS_PORT" && break; sleep 0.1; done
redis_ping "$REDIS_PORT" || die "Redis did not start on port $REDIS_PORT (see $LOG_DIR/redis.log)"
echo "run-cluster: Redis on 127.0.0.1:$REDIS_PORT ($($USE_DOCKER && echo "Docker container" || echo "redis-server"), pid $REDIS_PID)"

# ------------------------------------------------------------------ nodes
i=0
for port in "${PORTS[@]}"; do
  i=$((i + 1))
  PORT=$port HTTP_PORT=${HTTP_PORTS[$((i - 1))]} HOST=127.0.0.1 REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT SERVER_ID="node$i" \
    java $JAVA_OPTS -jar "$JAR" >"$LOG_DIR/node$i.log" 2>&1 &
  NODE_PIDS+=($!)
done

i=0
for port in "${PORTS[@]}"; do
  pid=${NODE_PIDS[$i]}; i=$((i + 1)); ready=0
  for _ in $(seq 1 360); do # 90 s
    kill -0 "$pid" 2>/dev/null || { tail -20 "$LOG_DIR/node$i.log" >&2; die "node$i (port $port) exited during startup"; }
    body=$(curl -s -m 2 "http://127.0.0.1:$port/socket.io/?EIO=4&transport=polling" || true)
    case "$body" in 0\{*) ready=1; break ;; esac
    sleep 0.25
  done
  [ $ready = 1 ] || { tail -20 "$LOG_DIR/node$i.log" >&2; die "node$i (port $port) not ready after 90 s"; }
  http=${HTTP_PORTS[$((i - 1))]}; ready=0
  for _ in $(seq 1 120); do # 30 s more for the HTTP side
    kill -0 "$pid" 2>/dev/null || { tail -20 "$LOG_DIR/node$i.log" >&2; die "node$i (HTTP port $http) exited during startup"; }
    curl -s -m 2 -o /dev/null "http://127.0.0.1:$http/config" && { ready=1; break; }
    sleep 0.25
  done
  [ $ready = 1 ] || { tail -20 "$LOG_DIR/node$i.log" >&2; die "node$i: nothing answers on HTTP port $http"; }
done

echo "run-cluster: ${#PORTS[@]} nodes ready (logs in $LOG_DIR):"
i=0
for port in "${PORTS[@]}"; do
  http=${HTTP_PORTS[$i]}
  echo "  node$((i + 1))  Socket.IO http://127.0.0.1:$port  (pid ${NODE_PIDS[$i]})"
  echo "         chat      http://127.0.0.1:$http/"
  echo "         actuator  http://127.0.0.1:$http/actuator/health  http://127.0.0.1:$http/actuator/socketio  http://127.0.0.1:$http/actuator/metrics"
  i=$((i + 1))
done
echo "run-cluster: open two chat URLs in two browser windows, same room, different nicknames; announce with"
echo "  curl -i -X POST -H 'Content-Type: application/json' -d '{\"text\":\"hello\"}' http://127.0.0.1:${HTTP_PORTS[0]}/api/rooms/lobby/announcements"
echo "run-cluster: connect with e.g. io('http://127.0.0.1:${PORTS[0]}', { query: { room: 'r1' } }); Ctrl-C stops the cluster"

# stay up until Ctrl-C, or until a node or redis exits on its own
while true; do
  for pid in "${NODE_PIDS[@]}" "$REDIS_PID"; do
    kill -0 "$pid" 2>/dev/null || die "process $pid of the cluster exited on its own (logs in $LOG_DIR); stopping the rest"
  done
  sleep 1
done
