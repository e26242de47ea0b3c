# shellcheck shell=bash
# Local MongoDB endpoint for scripts/infra.sh: the itera-devstore module (mongo-java-server
# with a file-backed H2 store), loopback only. Needs common.sh and REPO, ITERA_HOME, JAVA.

MONGO_PORT=${MONGO_PORT:-27017}
MONGO_HOST=127.0.0.1
MONGO_HEAP_OPTS=${MONGO_HEAP_OPTS:--Xmx384m}
MONGO_START_TIMEOUT=${MONGO_START_TIMEOUT:-60}
MONGO_STOP_TIMEOUT=${MONGO_STOP_TIMEOUT:-20}

MONGO_HOME_DIR="$ITERA_HOME/mongo"
MONGO_DATA=${ITERA_MONGO_DATA:-$MONGO_HOME_DIR/itera.mv}
[[ "$MONGO_DATA" == /* ]] || MONGO_DATA="$PWD/$MONGO_DATA"
MONGO_PID="$MONGO_HOME_DIR/devstore.pid"
MONGO_OUT="$MONGO_HOME_DIR/devstore.log"
MONGO_MARKER="org.itera.devstore.DevStore"

DEVSTORE_DIR="$REPO/itera-devstore"
DEVSTORE_TARGET="$DEVSTORE_DIR/target"

devstore_jar() {
  local jar
  for jar in "$DEVSTORE_TARGET"/itera-devstore-*.jar; do
    [[ -f "$jar" && "$jar" != *-sources.jar && "$jar" != *-tests.jar ]] && { printf '%s' "$jar"; return 0; }
  done
  return 1
}

# Builds the devstore when its jar or target/lib is missing, or its sources are newer.
devstore_build() {
  local jar
  if jar=$(devstore_jar) && [[ -d "$DEVSTORE_TARGET/lib" ]] \
    && [[ -z "$(find "$DEVSTORE_DIR/pom.xml" "$DEVSTORE_DIR/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  require_mvn
  info "mongo: building itera-devstore"
  # Built on its own (-f): it depends on nothing else in the reactor, so modules that are
  # still being written cannot break it; the parent pom is read through ../pom.xml.
  (cd "$REPO" && run_mvn -f itera-devstore/pom.xml package -DskipTests) \
    || die "mongo: building itera-devstore failed (mvn -f itera-devstore/pom.xml package)"
  devstore_jar >/dev/null || die "mongo: the build left no itera-devstore jar in $DEVSTORE_TARGET"
}

mongo_start() {
  local pid start
  if pid=$(pid_alive "$MONGO_PID" "$MONGO_MARKER"); then
    info "mongo: already running (pid $pid, mongodb://$MONGO_HOST:$MONGO_PORT)"
    return 0
  fi
  if port_open "$MONGO_HOST" "$MONGO_PORT"; then
    die "mongo: port $MONGO_PORT on $MONGO_HOST is taken by $(port_owner "$MONGO_PORT"); stop it or set MONGO_PORT"
  fi
  devstore_build
  mkdir -p "$MONGO_HOME_DIR" "$(dirname "$MONGO_DATA")"
  start=$(now_ms)
  info "mongo: starting itera-devstore on mongodb://$MONGO_HOST:$MONGO_PORT (data: $MONGO_DATA)"
  # shellcheck disable=SC2086 # MONGO_HEAP_OPTS holds several options
  spawn "$MONGO_PID" "$MONGO_OUT" "$JAVA" $MONGO_HEAP_OPTS -XX:+UseSerialGC \
    -cp "$(devstore_jar):$DEVSTORE_TARGET/lib/*" "$MONGO_MARKER" \
    --data "$MONGO_DATA" --host "$MONGO_HOST" --port "$MONGO_PORT"
  wait_port mongo "$MONGO_HOST" "$MONGO_PORT" "$MONGO_START_TIMEOUT" "$MONGO_PID" "$MONGO_MARKER" "$MONGO_OUT" \
    || die "mongo: start failed (see $MONGO_OUT)"
  pid=$(<"$MONGO_PID")
  info "mongo: ready on mongodb://$MONGO_HOST:$MONGO_PORT (pid $pid, after $(elapsed_s "$start")s, rss $(rss_of "$pid"))"
}

mongo_stop() {
  stop_pid mongo "$MONGO_PID" "$MONGO_MARKER" "$MONGO_STOP_TIMEOUT"
}

mongo_status() {
  local pid
  if pid=$(pid_alive "$MONGO_PID" "$MONGO_MARKER"); then
    if port_open "$MONGO_HOST" "$MONGO_PORT"; then
      info "mongo: running (pid $pid, mongodb://$MONGO_HOST:$MONGO_PORT, data $MONGO_DATA, rss $(rss_of "$pid"))"
    else
      info "mongo: starting (pid $pid, port $MONGO_PORT not open yet)"
    fi
    return 0
  fi
  if port_open "$MONGO_HOST" "$MONGO_PORT"; then
    info "mongo: stopped here, but port $MONGO_PORT is taken by $(port_owner "$MONGO_PORT")"
  else
    info "mongo: stopped"
  fi
  return 3
}

mongo_log_files() {
  printf '%s\n' "$MONGO_OUT"
}
