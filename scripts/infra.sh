#!/usr/bin/env bash
# Local infrastructure for Itera on a machine without Docker: a real Apache Kafka broker
# (KRaft, broker+controller in one JVM) and a MongoDB wire-protocol store (itera-devstore),
# both on 127.0.0.1 only. Runtime state lives in ${ITERA_HOME:-<repo>/.itera}.
#
#   scripts/infra.sh start  [kafka|mongo]   start (idempotent), create the Kafka topics
#   scripts/infra.sh stop   [kafka|mongo]   SIGTERM, then SIGKILL after a timeout
#   scripts/infra.sh status [kafka|mongo]   exit 0 when all asked for are running, else 3
#   scripts/infra.sh logs   [kafka|mongo]   follow the logs (last lines when not a terminal)
#   scripts/infra.sh topics                 list the topics (Kafka's TopicCommand --list)
#   scripts/infra.sh check  [kafka|mongo]   topics present + one record produced and consumed; Mongo ping
#
# Environment: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), KAFKA_PARTITIONS (4),
# KAFKA_HEAP_OPTS (-Xms256m -Xmx512m), MONGO_PORT (27017), ITERA_MONGO_DATA
# (<ITERA_HOME>/mongo/itera.mv), ITERA_HOME, JAVA_HOME.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ITERA_HOME=${ITERA_HOME:-$REPO/.itera}
mkdir -p "$ITERA_HOME"
ITERA_HOME=$(cd "$ITERA_HOME" && pwd)

# shellcheck source=scripts/lib/common.sh
source "$REPO/scripts/lib/common.sh"
# shellcheck source=scripts/lib/kafka.sh
source "$REPO/scripts/lib/kafka.sh"
# shellcheck source=scripts/lib/mongo.sh
source "$REPO/scripts/lib/mongo.sh"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

# One start or stop at a time per ITERA_HOME.
lock() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$ITERA_HOME/.infra.lock"
    flock -w 120 9 || die "another scripts/infra.sh is still running (lock $ITERA_HOME/.infra.lock)"
  fi
}

check_kafka() {
  pid_alive "$KAFKA_PID" "$KAFKA_MARKER" >/dev/null || die "kafka is not running"
  "$JAVA" -Xmx128m -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$REPO/infra/kafka/log4j2-tools.xml" \
    "$REPO/scripts/lib/KafkaCheck.java" "$(kafka_bootstrap)" \
    "${KAFKA_WORK_TOPICS[@]}" "${KAFKA_SINGLE_TOPICS[@]}"
}

check_mongo() {
  pid_alive "$MONGO_PID" "$MONGO_MARKER" >/dev/null || die "mongo is not running"
  "$JAVA" -Xmx64m "$REPO/scripts/lib/MongoPing.java" "$MONGO_HOST" "$MONGO_PORT"
}

main() {
  local cmd=${1:-} what=${2:-all}
  case "$what" in
    all | kafka | mongo) ;;
    *) die "unknown component '$what' (kafka or mongo)" ;;
  esac
  local parts=(kafka mongo)
  [[ "$what" != all ]] && parts=("$what")

  case "$cmd" in
    start)
      require_java
      lock
      local p
      for p in "${parts[@]}"; do "${p}_start"; done
      ;;
    stop)
      lock
      local p
      for p in "${parts[@]}"; do "${p}_stop"; done
      ;;
    status)
      local p rc=0
      for p in "${parts[@]}"; do "${p}_status" || rc=3; done
      return "$rc"
      ;;
    logs)
      local files=() p f
      for p in "${parts[@]}"; do
        while IFS= read -r f; do [[ -f "$f" ]] && files+=("$f"); done < <("${p}_log_files")
      done
      (( ${#files[@]} )) || die "no log files yet under $ITERA_HOME"
      if [[ -t 1 ]]; then
        exec tail -n 50 -F "${files[@]}"
      else
        tail -n 100 "${files[@]}"
      fi
      ;;
    topics)
      require_java
      pid_alive "$KAFKA_PID" "$KAFKA_MARKER" >/dev/null || die "kafka is not running"
      kafka_list_topics
      ;;
    check)
      require_java
      local p
      for p in "${parts[@]}"; do "check_${p}"; done
      ;;
    -h | --help | help)
      usage
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
