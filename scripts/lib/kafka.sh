# shellcheck shell=bash
# Local Apache Kafka broker for scripts/infra.sh: KRaft combined mode (one JVM is both broker
# and controller), loopback only, jars from Maven Central via infra/kafka/pom.xml.
# Needs common.sh and the variables set by infra.sh (REPO, ITERA_HOME, JAVA).

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_HOST=127.0.0.1
KAFKA_PARTITIONS=${KAFKA_PARTITIONS:-4}
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90}
KAFKA_STOP_TIMEOUT=${KAFKA_STOP_TIMEOUT:-30}

KAFKA_HOME_DIR="$ITERA_HOME/kafka"
KAFKA_LIB="$KAFKA_HOME_DIR/lib"
KAFKA_DATA="$KAFKA_HOME_DIR/data"
KAFKA_LOGS="$KAFKA_HOME_DIR/logs"
KAFKA_CONF="$KAFKA_HOME_DIR/server.properties"
KAFKA_PID="$KAFKA_HOME_DIR/kafka.pid"
KAFKA_OUT="$KAFKA_LOGS/kafka.out"
KAFKA_POM="$REPO/infra/kafka/pom.xml"
# the broker's command line contains this path, which tells our broker from any other JVM
KAFKA_MARKER="$KAFKA_CONF"

# Work topics get KAFKA_PARTITIONS partitions; model-updates and every dead-letter topic one.
KAFKA_WORK_TOPICS=(tasks trajectories failures regenerated finetune-records)
KAFKA_SINGLE_TOPICS=(model-updates tasks-dlq trajectories-dlq failures-dlq regenerated-dlq
  finetune-records-dlq model-updates-dlq)

kafka_bootstrap() { printf '%s:%s' "$KAFKA_HOST" "$KAFKA_PORT"; }

# Runs a Kafka tool class (StorageTool, TopicCommand, console clients) with quiet logging.
kafka_tool() {
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2-tools.xml" \
    -cp "$KAFKA_LIB/*" "$@"
}

# Copies the broker jars once; again only when infra/kafka/pom.xml changes.
kafka_fetch() {
  local stamp="$KAFKA_LIB/.pom.sha1" want
  want=$(sha1sum "$KAFKA_POM" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(<"$stamp")" == "$want" ]]; then
    return 0
  fi
  require_mvn
  info "kafka: fetching broker jars into $KAFKA_LIB (once)"
  rm -rf "$KAFKA_LIB"
  mkdir -p "$KAFKA_LIB"
  if ! run_mvn -f "$KAFKA_POM" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIB"; then
    rm -rf "$KAFKA_LIB"
    die "could not fetch the Kafka jars (mvn -f $KAFKA_POM dependency:copy-dependencies)"
  fi
  printf '%s' "$want" >"$stamp"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  cat >"$KAFKA_CONF" <<EOF
# Written by scripts/infra.sh at each start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT

log.dirs=$KAFKA_DATA
num.partitions=$KAFKA_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=false

# a single node: every internal topic with one replica, and fewer partitions than the defaults
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0

# sized for a small development machine
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
EOF
}

# Formats the storage on the first start (static quorum: no --standalone flag).
kafka_format() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local idfile="$KAFKA_HOME_DIR/cluster-id" id
  if [[ ! -s "$idfile" ]]; then
    id=$(kafka_tool kafka.tools.StorageTool random-uuid) || die "kafka: StorageTool random-uuid failed"
    printf '%s\n' "$id" >"$idfile"
  fi
  id=$(<"$idfile")
  info "kafka: formatting $KAFKA_DATA (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_CONF" --ignore-formatted >/dev/null \
    || die "kafka: formatting the storage failed"
}

# Creates the missing topics in one Admin request (one JVM instead of a TopicCommand JVM per
# topic: on two cores that is ~3 s against ~38 s for twelve topics).
kafka_create_topics() {
  local topic specs=() start
  start=$(now_ms)
  for topic in "${KAFKA_WORK_TOPICS[@]}"; do specs+=("$topic:$KAFKA_PARTITIONS"); done
  for topic in "${KAFKA_SINGLE_TOPICS[@]}"; do specs+=("$topic:1"); done
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2-tools.xml" \
    -cp "$KAFKA_LIB/*" "$REPO/scripts/lib/KafkaTopics.java" "$(kafka_bootstrap)" "${specs[@]}" \
    || { warn "kafka: creating the topics failed"; return 1; }
  info "kafka: topics checked in $(elapsed_s "$start")s"
}

# Lists the topics with Kafka's own TopicCommand.
kafka_list_topics() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$(kafka_bootstrap)" --list
}

kafka_start() {
  local pid start
  if pid=$(pid_alive "$KAFKA_PID" "$KAFKA_MARKER"); then
    info "kafka: already running (pid $pid, $(kafka_bootstrap))"
    return 0
  fi
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$KAFKA_HOST" "$port"; then
      die "kafka: port $port on $KAFKA_HOST is taken by $(port_owner "$port"); stop it or set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done
  kafka_fetch
  kafka_write_config
  kafka_format
  start=$(now_ms)
  info "kafka: starting broker+controller on $(kafka_bootstrap) (log: $KAFKA_LOGS/server.log)"
  # shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several options
  spawn "$KAFKA_PID" "$KAFKA_OUT" "$JAVA" $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -Djava.awt.headless=true \
    -Dkafka.logs.dir="$KAFKA_LOGS" \
    -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2.xml" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONF"
  wait_port kafka "$KAFKA_HOST" "$KAFKA_PORT" "$KAFKA_START_TIMEOUT" "$KAFKA_PID" "$KAFKA_MARKER" "$KAFKA_OUT" \
    || die "kafka: start failed (see $KAFKA_LOGS/server.log)"
  local up
  up=$(elapsed_s "$start")
  kafka_create_topics || die "kafka: the broker is up but the topics could not be created"
  pid=$(<"$KAFKA_PID")
  info "kafka: ready on $(kafka_bootstrap) (pid $pid, port open after ${up}s, ready after $(elapsed_s "$start")s, rss $(rss_of "$pid"))"
}

kafka_stop() {
  stop_pid kafka "$KAFKA_PID" "$KAFKA_MARKER" "$KAFKA_STOP_TIMEOUT"
}

kafka_status() {
  local pid
  if pid=$(pid_alive "$KAFKA_PID" "$KAFKA_MARKER"); then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      info "kafka: running (pid $pid, $(kafka_bootstrap), rss $(rss_of "$pid"))"
    else
      info "kafka: starting (pid $pid, port $KAFKA_PORT not open yet)"
    fi
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    info "kafka: stopped here, but port $KAFKA_PORT is taken by $(port_owner "$KAFKA_PORT")"
  else
    info "kafka: stopped"
  fi
  return 3
}

kafka_log_files() {
  printf '%s\n' "$KAFKA_LOGS/server.log" "$KAFKA_OUT"
}
