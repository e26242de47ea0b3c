# shellcheck shell=bash
# The Itera services for scripts/run.sh: generator-service, filter-service and feedback-service
# (the repair loop), and model-server (the local OpenAI-compatible model, used when no
# OPENAI_BASE_URL is given), each started in the background with
# `java -jar <module>/target/quarkus-app/quarkus-run.jar`, tracked by a pid file, its output in a
# log file, both under <ITERA_HOME>/services. Needs common.sh and the variables REPO, ITERA_HOME
# and JAVA. Meant to be sourced, not run.
#
# Environment: ITERA_GENERATOR_PORT (8081), ITERA_FILTER_PORT (8082), ITERA_FEEDBACK_PORT (8083),
# ITERA_MODEL_SERVER_PORT (8090), ITERA_FINETUNE_PORT (8084), ITERA_SERVICE_HEAP_OPTS (-Xmx512m),
# ITERA_SERVICE_START_TIMEOUT (120), ITERA_SERVICE_STOP_TIMEOUT (30). The services read
# KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, OPENAI_BASE_URL, OPENAI_API_KEY, ITERA_LLM_MODEL,
# ITERA_LLM_TEMPERATURE, ITERA_LLM_MAX_TOKENS, ITERA_CONCURRENCY and ITERA_REPAIR_MAX_ATTEMPTS
# (filter-service's alone) from the environment they are started in; model-server
# reads ITERA_MODELS_DIR, ITERA_MODEL_SERVER_DATA, ITERA_MODEL_THREADS, ITERA_MODEL_CTX and
# ITERA_MODEL_PARALLEL.

# shellcheck disable=SC2034 # used by scripts that source this file
SERVICES=(generator-service filter-service feedback-service)
# the local model, started by scripts/run.sh only when no OPENAI_BASE_URL is given
# shellcheck disable=SC2034
MODEL_SERVER=model-server
# fine-tuning rounds, started by scripts/run.sh --round
# shellcheck disable=SC2034
FINETUNE=finetune-service
SERVICES_DIR="$ITERA_HOME/services"
SERVICE_HOST=127.0.0.1
GENERATOR_PORT=${ITERA_GENERATOR_PORT:-8081}
FILTER_PORT=${ITERA_FILTER_PORT:-8082}
FEEDBACK_PORT=${ITERA_FEEDBACK_PORT:-8083}
MODEL_SERVER_PORT=${ITERA_MODEL_SERVER_PORT:-8090}
FINETUNE_PORT=${ITERA_FINETUNE_PORT:-8084}
SERVICE_HEAP_OPTS=${ITERA_SERVICE_HEAP_OPTS:--Xmx512m}
SERVICE_START_TIMEOUT=${ITERA_SERVICE_START_TIMEOUT:-120}
SERVICE_STOP_TIMEOUT=${ITERA_SERVICE_STOP_TIMEOUT:-30}

service_port() {
  case "$1" in
    generator-service) printf '%s' "$GENERATOR_PORT" ;;
    filter-service) printf '%s' "$FILTER_PORT" ;;
    feedback-service) printf '%s' "$FEEDBACK_PORT" ;;
    model-server) printf '%s' "$MODEL_SERVER_PORT" ;;
    finetune-service) printf '%s' "$FINETUNE_PORT" ;;
    *) die "unknown service '$1'" ;;
  esac
}

# The variable that sets NAME's port, e.g. ITERA_FILTER_PORT.
service_port_variable() {
  case "$1" in
    generator-service) printf 'ITERA_GENERATOR_PORT' ;;
    filter-service) printf 'ITERA_FILTER_PORT' ;;
    feedback-service) printf 'ITERA_FEEDBACK_PORT' ;;
    model-server) printf 'ITERA_MODEL_SERVER_PORT' ;;
    finetune-service) printf 'ITERA_FINETUNE_PORT' ;;
    *) die "unknown service '$1'" ;;
  esac
}

service_url() { printf 'http://%s:%s' "$SERVICE_HOST" "$(service_port "$1")"; }
service_jar() { printf '%s' "$REPO/$1/target/quarkus-app/quarkus-run.jar"; }
service_pidfile() { printf '%s' "$SERVICES_DIR/$1.pid"; }
service_log() { printf '%s' "$SERVICES_DIR/$1.log"; }
# what the service was started with (no secrets), to notice a reused one that differs
service_conf() { printf '%s' "$SERVICES_DIR/$1.conf"; }

# The jar path is on the service's command line: it tells our service from any other JVM.
service_marker() { service_jar "$1"; }

# service_running NAME: true (and prints the pid) when our process for NAME is alive.
service_running() {
  pid_alive "$(service_pidfile "$1")" "$(service_marker "$1")"
}

# service_ready NAME: true when GET /q/health/ready answers 200.
service_ready() {
  curl -sf -o /dev/null --connect-timeout 2 --max-time 5 "$(service_url "$1")/q/health/ready"
}

# service_settings NAME: the settings NAME takes from this shell, one per line (the API key only
# as set/unset), to tell when a reused service runs with other ones.
service_settings() {
  printf 'QUARKUS_PROFILE=%s\n' "${QUARKUS_PROFILE:-prod}"
  case "$1" in
    generator-service)
      printf 'KAFKA_BOOTSTRAP_SERVERS=%s\nOPENAI_BASE_URL=%s\nITERA_LLM_MODEL=%s\nOPENAI_API_KEY=%s\nITERA_CONCURRENCY=%s\n' \
        "${KAFKA_BOOTSTRAP_SERVERS:-}" "${OPENAI_BASE_URL:-}" "${ITERA_LLM_MODEL:-}" \
        "$([[ -n "${OPENAI_API_KEY:-}" ]] && echo set || echo unset)" "${ITERA_CONCURRENCY:-default}"
      service_llm_sampling
      ;;
    feedback-service)
      printf 'KAFKA_BOOTSTRAP_SERVERS=%s\nMONGODB_URI=%s\nOPENAI_BASE_URL=%s\nITERA_LLM_MODEL=%s\nOPENAI_API_KEY=%s\n' \
        "${KAFKA_BOOTSTRAP_SERVERS:-}" "${MONGODB_URI:-}" "${OPENAI_BASE_URL:-}" "${ITERA_LLM_MODEL:-}" \
        "$([[ -n "${OPENAI_API_KEY:-}" ]] && echo set || echo unset)"
      service_llm_sampling
      ;;
    model-server)
      printf 'ITERA_MODELS_DIR=%s\nITERA_MODEL_SERVER_DATA=%s\nITERA_MODEL_THREADS=%s\nITERA_MODEL_CTX=%s\nITERA_MODEL_PARALLEL=%s\n' \
        "${ITERA_MODELS_DIR:-default}" "${ITERA_MODEL_SERVER_DATA:-default}" "${ITERA_MODEL_THREADS:-default}" \
        "${ITERA_MODEL_CTX:-default}" "${ITERA_MODEL_PARALLEL:-default}"
      ;;
    finetune-service)
      printf 'KAFKA_BOOTSTRAP_SERVERS=%s\nMONGODB_URI=%s\nOPENAI_BASE_URL=%s\nOPENAI_API_KEY=%s\n' \
        "${KAFKA_BOOTSTRAP_SERVERS:-}" "${MONGODB_URI:-}" "${OPENAI_BASE_URL:-}" \
        "$([[ -n "${OPENAI_API_KEY:-}" ]] && echo set || echo unset)"
      env | grep '^ITERA_FINETUNE_' | sort || true
      ;;
    *)
      printf 'KAFKA_BOOTSTRAP_SERVERS=%s\nMONGODB_URI=%s\nITERA_REPAIR_MAX_ATTEMPTS=%s\n' \
        "${KAFKA_BOOTSTRAP_SERVERS:-}" "${MONGODB_URI:-}" "${ITERA_REPAIR_MAX_ATTEMPTS:-default}"
      ;;
  esac
}

# The sampling settings of the LLM callers (generator and feedback), one per line.
service_llm_sampling() {
  printf 'ITERA_LLM_TEMPERATURE=%s\nITERA_LLM_MAX_TOKENS=%s\n' \
    "${ITERA_LLM_TEMPERATURE:-default}" "${ITERA_LLM_MAX_TOKENS:-default}"
}

# service_setting NAME KEY: the value KEY had when our running NAME was started; fails if unknown.
service_setting() {
  local conf line
  conf=$(service_conf "$1")
  [[ -f "$conf" ]] || return 1
  line=$(grep -m1 "^$2=" "$conf") || return 1
  printf '%s' "${line#*=}"
}

# service_compare_settings NAME: warns when our running NAME was started with settings other
# than the ones this shell would give it (keys it was not started with are not compared).
service_compare_settings() {
  local name=$1 line key running differ=()
  while IFS= read -r line; do
    key=${line%%=*}
    running=$(service_setting "$name" "$key") || continue
    [[ "$running" == "${line#*=}" ]] || differ+=("$key: running with '$running', this run asks for '${line#*=}'")
  done < <(service_settings "$name")
  (( ${#differ[@]} )) || return 0
  warn "$name keeps the settings it was started with:"
  printf '  %s\n' "${differ[@]}" >&2
  warn "to apply the new ones: scripts/run.sh --stop, then run again"
}

# service_check_port NAME: fails when the port is taken by something that is not our service.
service_check_port() {
  local name=$1 port
  port=$(service_port "$name")
  if ! service_running "$name" >/dev/null && port_open "$SERVICE_HOST" "$port"; then
    die "$name: port $port is taken by $(port_owner "$port"); stop it or set $(service_port_variable "$name")"
  fi
}

# service_wait_ready NAME: waits for /q/health/ready; on death or timeout shows the log tail.
service_wait_ready() {
  local name=$1 start=$SECONDS last=$SECONDS log
  log=$(service_log "$name")
  printf '%s: waiting for %s/q/health/ready ' "$name" "$(service_url "$name")"
  until service_ready "$name"; do
    if ! service_running "$name" >/dev/null; then
      printf '\n'
      warn "$name exited during start-up; last lines of $log:"
      tail -n 40 "$log" >&2 2>/dev/null || true
      rm -f "$(service_pidfile "$name")"
      return 1
    fi
    if (( SECONDS - start >= SERVICE_START_TIMEOUT )); then
      printf '\n'
      warn "$name is not ready after ${SERVICE_START_TIMEOUT}s; last lines of $log:"
      tail -n 40 "$log" >&2 2>/dev/null || true
      return 1
    fi
    if (( SECONDS - last >= 3 )); then
      printf '.'
      last=$SECONDS
    fi
    sleep 0.5
  done
  printf ' ready (%ss)\n' $((SECONDS - start))
}

# service_start NAME: starts NAME unless it already runs; returns once it is ready.
service_start() {
  local name=$1 pid jar port pidfile log conf
  pidfile=$(service_pidfile "$name")
  log=$(service_log "$name")
  conf=$(service_conf "$name")
  port=$(service_port "$name")
  if pid=$(service_running "$name"); then
    info "$name: already running (pid $pid, $(service_url "$name")), reusing it"
    if ! service_ready "$name"; then
      service_wait_ready "$name" || die "$name: running but not ready; see $log (scripts/run.sh --stop, then retry)"
    fi
    service_compare_settings "$name"
    return 0
  fi
  service_check_port "$name"
  jar=$(service_jar "$name")
  [[ -f "$jar" ]] || die "$name: $jar is missing (build with: mvn -B -q package -DskipTests)"
  mkdir -p "$SERVICES_DIR"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  service_settings "$name" >"$conf"
  info "$name: starting on $(service_url "$name") (log: $log)"
  # shellcheck disable=SC2086 # SERVICE_HEAP_OPTS holds several options
  spawn "$pidfile" "$log" env PORT="$port" "$JAVA" $SERVICE_HEAP_OPTS -jar "$jar"
  # the service outlives this shell: no "Killed" job notice when it is stopped with SIGKILL
  disown -a 2>/dev/null || true
  service_wait_ready "$name" || die "$name: start failed (log: $log)"
}

service_stop() {
  stop_pid "$1" "$(service_pidfile "$1")" "$(service_marker "$1")" "$SERVICE_STOP_TIMEOUT"
}

# service_status NAME: prints the state; 0 when running.
service_status() {
  local name=$1 pid port
  port=$(service_port "$name")
  if pid=$(service_running "$name"); then
    if service_ready "$name"; then
      info "$name: running and ready (pid $pid, $(service_url "$name"), rss $(rss_of "$pid"))"
    else
      info "$name: running, not ready (pid $pid, $(service_url "$name"))"
    fi
    return 0
  fi
  if port_open "$SERVICE_HOST" "$port"; then
    info "$name: stopped here, but port $port is taken by $(port_owner "$port")"
  else
    info "$name: stopped"
  fi
  return 3
}
