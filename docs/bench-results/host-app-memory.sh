#!/usr/bin/env bash
# What of an idle node's memory is the Spring Boot application the starter runs in: the sample app, and the same jar
# and settings started from a bare @SpringBootApplication with the starter's auto-configurations excluded (web,
# actuator and Redis as the sample has them), alternated, each with its own class data sharing archive and the JVM
# settings run.sh recommends (JAVA_OPTS to change them). Prints, per run, the RSS 45 s after start (the native memory trim has run), the classes
# loaded and the live heap after a full collection.
#
# Usage: docs/bench-results/host-app-memory.sh [runs]   (after ./mvnw -q package -DskipTests -pl sample-app -am)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUNS=${1:-3}
JAVA_OPTS=${JAVA_OPTS:-$(sed -n 's/^JAVA_RECOMMENDED="\(.*\)"$/\1/p' "$ROOT/sample-app/bench/run.sh")}
[ -n "$JAVA_OPTS" ] || { echo "no JAVA_RECOMMENDED in sample-app/bench/run.sh" >&2; exit 2; }
WORK=$(mktemp -d -t host-app-memory.XXXXXX)
REDIS_PID=""
trap '[ -z "$REDIS_PID" ] || { kill "$REDIS_PID"; wait "$REDIS_PID"; }; rm -rf "$WORK"' EXIT

java -Djarmode=tools -jar "$ROOT/sample-app/target/sample-app.jar" extract --destination "$WORK/app" >/dev/null
CLASSPATH_OF_APP="$WORK/app/sample-app.jar:$(find "$WORK/app/lib" -name '*.jar' | sort | tr '\n' ':')"
mkdir -p "$WORK/bare/bare"
cat > "$WORK/bare/bare/BareApplication.java" <<'EOF'
package bare;

@org.springframework.boot.autoconfigure.SpringBootApplication
public class BareApplication {
	public static void main(String[] args) {
		org.springframework.boot.SpringApplication.run(BareApplication.class, args);
	}
}
EOF
javac -d "$WORK/bare" -cp "$CLASSPATH_OF_APP" "$WORK/bare/bare/BareApplication.java"
jar cf "$WORK/bare.jar" -C "$WORK/bare" bare/BareApplication.class # class data sharing takes jars only
STARTER_IMPORTS=$ROOT/socketio-redis-autoconfigure/src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports
WITHOUT_STARTER="--spring.autoconfigure.exclude=$(grep -v '^#' "$STARTER_IMPORTS" | paste -sd, -)"

REDIS_PORT=16399
for port in "$REDIS_PORT" 19300 19301; do # Redis's, the Socket.IO server's and HTTP's
  ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "port $port is in use" >&2; exit 2; }
done
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --logfile "$WORK/redis.log" &
REDIS_PID=$!
export HOST=127.0.0.1 REDIS_HOST=127.0.0.1 REDIS_PORT PORT=19300 HTTP_PORT=19301

node_command() { # the application of $1, with the archive option of $2
  case "$1" in
    sample) echo "java $JAVA_OPTS $2 -jar $WORK/app/sample-app.jar" ;;
    bare) echo "java $JAVA_OPTS $2 -cp $WORK/bare.jar:$CLASSPATH_OF_APP bare.BareApplication $WITHOUT_STARTER" ;;
  esac
}
for app in sample bare; do # Spring Boot's recipe: the classes loaded until the context is refreshed
  $(node_command $app "-XX:ArchiveClassesAtExit=$WORK/$app.jsa -Dspring.context.exit=onRefresh") >"$WORK/$app-training.log" 2>&1
done
for run in $(seq 1 "$RUNS"); do
  for app in sample bare; do
    # -Xshare:on: a JVM that cannot use its archive stops, rather than running without it
    $(node_command $app "-Xshare:on -XX:SharedArchiveFile=$WORK/$app.jsa") >"$WORK/$app.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || { tail -5 "$WORK/$app.log" >&2; exit 1; }; curl -s -m 1 "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break; sleep 0.25; done
    curl -s -m 2 "http://127.0.0.1:$HTTP_PORT/actuator/metrics/jvm.memory.used" >/dev/null
    sleep 45
    rss=$(awk '/^VmRSS:/ { print int($2 / 1024) }' "/proc/$pid/status")
    histogram=$(jcmd "$pid" GC.class_histogram)
    classes=$(echo "$histogram" | awk '$4 == "java.lang.Class" { print $2 }')
    live=$(echo "$histogram" | awk '/^Total/ { printf "%.1f", $3 / 1048576 }')
    echo "run $run, $app: RSS $rss MB, $classes classes, live heap $live MB"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  done
done
