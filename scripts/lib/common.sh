# shellcheck shell=bash
# Helpers shared by scripts/infra.sh and its parts: messages, Java lookup, ports and
# background processes tracked by pid files. Meant to be sourced, not run.

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }

# Seconds since a now_ms timestamp, one decimal.
elapsed_s() {
  local start=$1 end
  end=$(now_ms)
  awk -v d=$((end - start)) 'BEGIN { printf "%.1f", d / 1000 }'
}

# Sets JAVA to a Java 17+ launcher or stops with an explanation.
require_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    JAVA="$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    JAVA=$(command -v java)
  else
    die "java not found: install a JDK 17+ or set JAVA_HOME"
  fi
  local version major
  version=$("$JAVA" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
  major=${version%%.*}
  [[ "$major" == 1 ]] && major=$(cut -d. -f2 <<<"$version")
  if ! [[ "$major" =~ ^[0-9]+$ ]] || (( major < 17 )); then
    die "Java 17 or newer is needed, $JAVA is '${version:-unknown}'"
  fi
}

require_mvn() {
  command -v mvn >/dev/null 2>&1 || die "mvn not found: install Maven 3.8+ (needed once to fetch/build jars)"
}

# Runs quiet batch Maven with its output on stderr, minus the colour codes that some Maven
# builds print even in batch mode; returns Maven's exit code.
run_mvn() {
  require_mvn
  mvn -q -B -Dstyle.color=never "$@" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d' >&2
  return "${PIPESTATUS[0]}"
}

# True when something accepts TCP connections on host:port.
port_open() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# Best effort description of who listens on a local TCP port.
port_owner() {
  local port=$1 line
  if command -v ss >/dev/null 2>&1; then
    line=$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n1)
    if [[ "$line" =~ users:\(\(\"([^\"]+)\",pid=([0-9]+) ]]; then
      printf '%s (pid %s)' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
      return
    fi
  fi
  printf 'another process'
}

# pid_alive PIDFILE MARKER: true if the pid in PIDFILE runs and its command line contains
# MARKER (guards against a recycled pid). Prints the pid.
pid_alive() {
  local pidfile=$1 marker=$2 pid
  [[ -f "$pidfile" ]] || return 1
  pid=$(<"$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$marker" || return 1
  fi
  printf '%s' "$pid"
}

# Resident memory of a pid, e.g. "312 MB".
rss_of() {
  local kb
  kb=$(ps -o rss= -p "$1" 2>/dev/null | tr -d ' ')
  [[ -n "$kb" ]] && printf '%d MB' $((kb / 1024)) || printf '? MB'
}

# spawn PIDFILE OUTFILE CMD...: runs CMD detached from this shell (own session, no stdin,
# output appended to OUTFILE) and records its pid in PIDFILE.
spawn() {
  local pidfile=$1 outfile=$2
  shift 2
  rm -f "$pidfile"
  local launcher=()
  command -v setsid >/dev/null 2>&1 && launcher=(setsid)
  # the inner bash writes its own pid, then exec keeps that pid for the command
  # shellcheck disable=SC2016 # $$, $0 and $@ belong to the inner bash
  # fd 9 is infra.sh's lock: the long-lived child must not inherit (and so keep) it
  "${launcher[@]}" nohup bash -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@" \
    </dev/null >>"$outfile" 2>&1 9>&- &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$pidfile" ]] && return 0
    sleep 0.1
  done
  die "could not start: $*"
}

# wait_port NAME HOST PORT TIMEOUT PIDFILE MARKER LOGFILE: waits until HOST:PORT accepts
# connections, printing progress; fails early if the process dies.
wait_port() {
  local name=$1 host=$2 port=$3 timeout=$4 pidfile=$5 marker=$6 logfile=$7
  local start=$SECONDS last=0
  printf '%s: waiting for %s:%s ' "$name" "$host" "$port"
  while ! port_open "$host" "$port"; do
    if ! pid_alive "$pidfile" "$marker" >/dev/null; then
      printf '\n'
      warn "$name exited during start-up; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 2>/dev/null || true
      rm -f "$pidfile"
      return 1
    fi
    if (( SECONDS - start >= timeout )); then
      printf '\n'
      warn "$name did not open port $port within ${timeout}s; see $logfile"
      return 1
    fi
    if (( SECONDS - last >= 3 )); then
      printf '.'
      last=$SECONDS
    fi
    sleep 0.25
  done
  printf ' up\n'
}

# stop_pid NAME PIDFILE MARKER TIMEOUT: SIGTERM, wait up to TIMEOUT seconds, then SIGKILL.
stop_pid() {
  local name=$1 pidfile=$2 marker=$3 timeout=$4 pid
  if ! pid=$(pid_alive "$pidfile" "$marker"); then
    [[ -f "$pidfile" ]] && rm -f "$pidfile"
    info "$name: not running"
    return 0
  fi
  printf '%s: stopping pid %s ' "$name" "$pid"
  kill -TERM "$pid" 2>/dev/null || true
  local start=$SECONDS last=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS - start >= timeout )); then
      printf '\n'
      warn "$name did not stop within ${timeout}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    if (( SECONDS - last >= 2 )); then
      printf '.'
      last=$SECONDS
    fi
    sleep 0.2
  done
  rm -f "$pidfile"
  printf ' stopped (%ss)\n' $((SECONDS - start))
}
