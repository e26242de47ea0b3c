#!/usr/bin/env bash
# Throughput of the pipeline against a plain driver, on the real broker and store, in one run:
#   1. an OpenAI mock that answers every chat call after BENCH_LATENCY_MS (itera-bench
#      MockLlmServer: a timer per call, so it holds any number in flight, and counts the peak);
#   2. the driver: BENCH_DRIVER_THREADS threads, each running the team on one task after another
#      and appending its result to a file (the in-repo stand-in for the original SiriuS scripts);
#      then the same driver with as many threads as the largest C: what a bare loop does here;
#   3. generator + filter: for each C in BENCH_CONCURRENCY and each instance count K in
#      BENCH_INSTANCES, K generators (ITERA_CONCURRENCY = C / K each) and K filters, BENCH_WARMUP
#      tasks to warm the JVMs up (not timed), then BENCH_TASKS tasks pushed at once, timed until
#      the filter has filed every one (a fresh database each);
#   4. the repair loop: generator + filter + K feedback services on tasks the mock always gets
#      wrong, timed until every task's repairs are used up.
# Prints tasks per minute, the ideal C / (roles x L) and the ratio to it, the CPU each task cost
# (every process: services, broker, store, mock) and the machine limit it implies (the cores' CPU
# seconds per minute / CPU per task), the ratio to the lesser of ideal and limit, p50/p95
# push-to-filed, when the last task was generated and filed and the lag between the two (which of
# generator and filter held the run up), calls in flight at the mock's peak, each JVM's peak RSS,
# and Itera's ratio to the driver.
#
#   bench/pipeline.sh   (env: BENCH_TASKS=640, BENCH_LATENCY_MS=200, BENCH_CONCURRENCY="64 256",
#                        BENCH_INSTANCES="1 2 4", BENCH_DRIVER_THREADS=64, BENCH_SUBJECT=pubmedqa,
#                        BENCH_DATASET (default ../shared/data/pubmedqa/train.jsonl; seeded
#                        arithmetic when the subject is arithmetic), BENCH_REPAIR_INSTANCES="1" (empty: no repair table),
#                        BENCH_REPAIR_TASKS=160, BENCH_WARMUP=320, BENCH_PORT=19100 (uses 19100-19120),
#                        BENCH_KAFKA_PORT=19092, BENCH_MONGO_PORT=27117, BENCH_HEAP="-Xmx384m -XX:+UseSerialGC" (the local stack's default),
#                        BENCH_SERVICE_JAVA_OPTS: more JVM options for the services, e.g. a JFR
#                        recording: -XX:StartFlightRecording=filename=/tmp/%p.jfr,settings=profile)
# Runs on a fresh clone: it builds what it needs from the root (-pl ... -am), and starts its own
# broker and store under target/bench-pipeline, on ports of its own, so a running stack is untouched.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TASKS=${BENCH_TASKS:-640}
LATENCY=${BENCH_LATENCY_MS:-200}
CONCURRENCY=${BENCH_CONCURRENCY:-64 256}
INSTANCES=${BENCH_INSTANCES:-1 2 4}
DRIVER_THREADS=${BENCH_DRIVER_THREADS:-64}
SUBJECT=${BENCH_SUBJECT:-pubmedqa}
REPAIR_INSTANCES=${BENCH_REPAIR_INSTANCES-1}
REPAIR_TASKS=${BENCH_REPAIR_TASKS:-160}
WARMUP=${BENCH_WARMUP:-320}
PORT=${BENCH_PORT:-19100}
HEAP=${BENCH_HEAP:--Xmx384m -XX:+UseSerialGC}
export ITERA_HOME=$REPO/target/bench-pipeline
export KAFKA_PORT=${BENCH_KAFKA_PORT:-19092} KAFKA_CONTROLLER_PORT=$(( ${BENCH_KAFKA_PORT:-19092} + 1 ))
export MONGO_PORT=${BENCH_MONGO_PORT:-27117}
BOOTSTRAP=127.0.0.1:$KAFKA_PORT
MONGO=mongodb://127.0.0.1:$MONGO_PORT
LOGS=$ITERA_HOME/logs
MOCK_PORT=$PORT

if [[ "$SUBJECT" == arithmetic ]]; then
  DATASET=${BENCH_DATASET:--}
else
  DATASET=${BENCH_DATASET:-$REPO/../shared/data/$SUBJECT/train.jsonl}
  [[ -f "$DATASET" ]] || { echo "no dataset $DATASET (set BENCH_DATASET, or BENCH_SUBJECT=arithmetic)" >&2; exit 2; }
fi
ROLES=$(jq '.roles | length' "$REPO/itera-core/src/main/resources/teams/$SUBJECT.json")

rm -rf "$ITERA_HOME"; mkdir -p "$LOGS"
echo "building the services and itera-bench (from the root, -am)..."
(cd "$REPO" && mvn -B -q -pl generator-service,filter-service,feedback-service,itera-devstore,itera-cli,itera-bench -am \
  package -DskipTests)
CP="$REPO/itera-bench/target/itera-bench-0.1.0-SNAPSHOT.jar:$REPO/itera-bench/target/lib/*"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  "$REPO/itera" down --only kafka,mongo >/dev/null 2>&1 || true
}
trap cleanup EXIT
await() {   # await URL: until it answers 200, for 2 minutes
  for _ in $(seq 1 240); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; return 1
}
peak_rss() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
mock_stats() { curl -fs "http://127.0.0.1:$MOCK_PORT/stats"; }
mock_reset() { curl -fs -X POST "http://127.0.0.1:$MOCK_PORT/stats/reset" >/dev/null; }
field() { sed -E "s/.*[ ^]$1=([0-9.]+).*/\1/" <<<" $2"; }
probe() { java -cp "$CP" org.itera.bench.pipeline.PipelineProbe "$@" 2>"$LOGS/probe.err"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
TICKS=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# cpu_snapshot: "name:ticks" of every process taking part (services, broker, store, mock)
cpu_snapshot() {
  local entry
  for entry in "${SERVICE_PIDS[@]}" "broker:$KAFKA_PID" "store:$MONGO_PID" "mock:$MOCK_PID"; do
    echo "${entry%%:*}:$(cpu_ticks "${entry#*:}")"
  done
}
# cpu_profile BEFORE AFTER SECONDS: CPU seconds by process kind over the run, and the share of the cores
cpu_profile() {
  paste -d' ' <(tr ' ' '\n' <<<"$1") <(tr ' ' '\n' <<<"$2") | awk -v t="$TICKS" -v s="$3" -v n="$(nproc)" '
    $1 == "" { next }
    { split($1, a, ":"); split($2, b, ":"); used[a[1]] += (b[2] - a[2]) / t; total += (b[2] - a[2]) / t }
    END { for (k in used) printf "%s %.1f s, ", k, used[k]; printf "all %.1f s = %.0f%% of %d cores", total, 100 * total / (s * n), n }'
}
# machine_limit CPU_SECONDS TASKS: tasks per minute the cores would file at this CPU cost per task
machine_limit() { awk -v c="$1" -v n="$2" -v k="$(nproc)" 'BEGIN { printf "%.0f", (c > 0 ? k * 60 * n / c : 0) }'; }
cpu_ms_per_task() { awk -v c="$1" -v n="$2" 'BEGIN { printf "%.1f", 1000 * c / n }'; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }

# start_service NAME PORT DATABASE CONCURRENCY [ENV...]: a service jar with the bench's broker,
# store and mock
SERVICE_PIDS=()
start_service() {
  local name=$1 port=$2 db=$3 concurrency=$4
  shift 4
  env -u OPENAI_API_KEY "$@" PORT="$port" KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" MONGODB_URI="$MONGO" ITERA_MONGO_DATABASE="$db" \
    OPENAI_BASE_URL="http://127.0.0.1:$MOCK_PORT/v1" ITERA_LLM_MODEL=bench-model \
    ITERA_CONCURRENCY="$concurrency" ITERA_REPAIR_CONCURRENCY="$concurrency" \
    QUARKUS_LOG_LEVEL=WARN \
    java $HEAP ${BENCH_SERVICE_JAVA_OPTS:-} -jar "$REPO/$name/target/quarkus-app/quarkus-run.jar" >"$LOGS/$name-$port.log" 2>&1 &
  PIDS+=($!); SERVICE_PIDS+=("$name:$!")
  await "http://127.0.0.1:$port/q/health/ready" || { tail -n 20 "$LOGS/$name-$port.log" >&2; exit 1; }
}
stop_services() {
  local entry
  for entry in "${SERVICE_PIDS[@]}"; do kill "${entry#*:}" 2>/dev/null || true; done
  for entry in "${SERVICE_PIDS[@]}"; do while kill -0 "${entry#*:}" 2>/dev/null; do sleep 0.2; done; done
  SERVICE_PIDS=()
}
service_rss() {   # NAME: the peak RSS of each running instance of NAME, MB, "a+b"
  local entry out=()
  for entry in "${SERVICE_PIDS[@]}"; do [[ "${entry%%:*}" == "$1" ]] && out+=("$(peak_rss "${entry#*:}")"); done
  (IFS=+; echo "${out[*]}")
}

"$REPO/itera" up --only kafka,mongo >"$LOGS/infra.log" 2>&1 || { cat "$LOGS/infra.log" >&2; exit 1; }
KAFKA_PID=$(<"$ITERA_HOME/kafka/kafka.pid"); MONGO_PID=$(<"$ITERA_HOME/mongo/devstore.pid")
java -cp "$CP" org.itera.bench.mock.MockLlmServer "$MOCK_PORT" "$LATENCY" >"$LOGS/mock.log" 2>&1 &
PIDS+=($!); MOCK_PID=$!
await "http://127.0.0.1:$MOCK_PORT/stats" || { cat "$LOGS/mock.log" >&2; exit 1; }

echo "driver: $DRIVER_THREADS threads, $TASKS $SUBJECT tasks, mock latency $LATENCY ms..."
mock_reset
MOCK_TICKS=$(cpu_ticks "$MOCK_PID")
DRIVER=$(java -cp "$CP" org.itera.bench.driver.ScriptDriver "http://127.0.0.1:$MOCK_PORT/v1" "$DRIVER_THREADS" \
  "$TASKS" "$SUBJECT" "$DATASET" "$LOGS/driver-results.jsonl")
DRIVER_PEAK=$(mock_stats | jq .peakInFlight)
DRIVER_MOCK_CPU=$(awk -v a="$MOCK_TICKS" -v b="$(cpu_ticks "$MOCK_PID")" -v t="$TICKS" 'BEGIN { printf "%.1f", (b - a) / t }')
DRIVER_RATE=$(field tasksPerMin "$DRIVER")
DRIVER_IDEAL=$(( DRIVER_THREADS * 60000 / (ROLES * LATENCY) ))
DRIVER_CPU=$(awk -v a="$(field cpuSeconds "$DRIVER")" -v b="$DRIVER_MOCK_CPU" 'BEGIN { print a + b }')
echo "  $DRIVER peakInFlight=$DRIVER_PEAK"
# the same driver at the largest C: what a bare loop does on this machine at that concurrency
C_MAX=$(tr ' ' '\n' <<<"$CONCURRENCY" | sort -n | tail -1)
echo "driver: $C_MAX threads (the largest C)..."
mock_reset
MOCK_TICKS=$(cpu_ticks "$MOCK_PID")
DRIVER_MAX=$(java -cp "$CP" org.itera.bench.driver.ScriptDriver "http://127.0.0.1:$MOCK_PORT/v1" "$C_MAX" \
  "$TASKS" "$SUBJECT" "$DATASET" "$LOGS/driver-max-results.jsonl")
DRIVER_MAX_CPU=$(awk -v a="$(field cpuSeconds "$DRIVER_MAX")" -v b="$MOCK_TICKS" -v c="$(cpu_ticks "$MOCK_PID")" -v t="$TICKS" \
  'BEGIN { printf "%.1f", a + (c - b) / t }')
echo "  $DRIVER_MAX peakInFlight=$(mock_stats | jq .peakInFlight)"

ROWS=()
PROFILES=()
run=0
for c in $CONCURRENCY; do
  for k in $INSTANCES; do
    run=$((run + 1)); db="bench_c${c}_k${k}"
    echo "generator + filter: C=$c, $k instance(s) each..."
    for i in $(seq 1 "$k"); do start_service generator-service $((PORT + i)) "$db" $((c / k)); done
    for i in $(seq 1 "$k"); do start_service filter-service $((PORT + 10 + i)) "$db" $((c / k)); done
    probe "$BOOTSTRAP" "$MONGO" "$db" "warmup$run-c$c-k$k" "$WARMUP" "$SUBJECT" "$DATASET" first 600 >/dev/null \
      || echo "  the warm-up did not finish in time" >&2
    mock_reset
    before=$(cpu_snapshot | tr '\n' ' ')
    line=$(probe "$BOOTSTRAP" "$MONGO" "$db" "run$run-c$c-k$k" \
      "$TASKS" "$SUBJECT" "$DATASET" first 600) || echo "  not every task was filed in time" >&2
    after=$(cpu_snapshot | tr '\n' ' ')
    peak=$(mock_stats | jq .peakInFlight)
    rate=$(field tasksPerMin "$line"); ideal=$(( c * 60000 / (ROLES * LATENCY) ))
    echo "  $line peakInFlight=$peak"
    PROFILES+=("C=$c, $k instance(s): $(cpu_profile "$before" "$after" "$(field seconds "$line")")")
    echo "  CPU: ${PROFILES[-1]#*: }"
    cpu=$(sed -E 's/.*all ([0-9.]+) s.*/\1/' <<<"${PROFILES[-1]}"); limit=$(machine_limit "$cpu" "$TASKS")
    ROWS+=("| $c | $k | $rate | $ideal | $(ratio "$rate" "$ideal") | $(cpu_ms_per_task "$cpu" "$TASKS") | $limit | $(ratio "$rate" "$(min "$ideal" "$limit")") | $(ratio "$rate" "$DRIVER_RATE") | $(field p50Ms "$line") / $(field p95Ms "$line") | $(field generatedSeconds "$line") / $(field seconds "$line") | $(field filingLagP50Ms "$line") / $(field filingLagP95Ms "$line") | $peak | $(service_rss generator-service) | $(service_rss filter-service) |")
    stop_services
  done
done

REPAIR_ROWS=()
for k in $REPAIR_INSTANCES; do
  run=$((run + 1)); db="bench_repair_k${k}"; c=64
  echo "repair loop: generator + filter + $k feedback service(s), $REPAIR_TASKS tasks the mock gets wrong..."
  start_service generator-service $((PORT + 1)) "$db" "$c"
  start_service filter-service $((PORT + 11)) "$db" "$c"
  # a consumer group of this run that starts at the end: the failures of the runs above stay unread
  for i in $(seq 1 "$k"); do
    start_service feedback-service $((PORT + 20 + i)) "$db" $((c / k)) MP_MESSAGING_INCOMING_FAILURES_GROUP_ID="bench-repair-$run" \
      MP_MESSAGING_INCOMING_FAILURES_AUTO_OFFSET_RESET=latest
  done
  sleep 5   # until the group has its partitions (it starts at the end)
  mock_reset
  line=$(probe "$BOOTSTRAP" "$MONGO" "$db" "run$run-repair-k$k" \
    "$REPAIR_TASKS" "$SUBJECT" "$DATASET" settled 900 no) || echo "  the repair loop did not settle in time" >&2
  stats=$(mock_stats)
  seconds=$(field seconds "$line"); repairs=$(field repairs "$line")
  echo "  $line calls=$(jq .answered <<<"$stats") peakInFlight=$(jq .peakInFlight <<<"$stats")"
  REPAIR_ROWS+=("| $k | $REPAIR_TASKS | $repairs | $seconds | $(awk -v r="$repairs" -v s="$seconds" 'BEGIN { printf "%.0f", r / s * 60 }') | $(jq .answered <<<"$stats") | $(jq .peakInFlight <<<"$stats") | $(service_rss feedback-service) |")
  stop_services
done

echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), $TASKS $SUBJECT tasks ($ROLES roles), mock latency $LATENCY ms"
echo "driver ($DRIVER_THREADS threads): $DRIVER_RATE tasks/min (ideal $DRIVER_IDEAL, ratio $(ratio "$DRIVER_RATE" "$DRIVER_IDEAL")), peak RSS $(field peakRssMb "$DRIVER") MB, calls in flight at peak $DRIVER_PEAK, CPU: driver $(field cpuSeconds "$DRIVER") s, mock $DRIVER_MOCK_CPU s = $(cpu_ms_per_task "$DRIVER_CPU" "$TASKS") ms per task"
echo "driver ($C_MAX threads): $(field tasksPerMin "$DRIVER_MAX") tasks/min (ideal $(( C_MAX * 60000 / (ROLES * LATENCY) ))), peak RSS $(field peakRssMb "$DRIVER_MAX") MB, CPU with the mock's $DRIVER_MAX_CPU s = $(cpu_ms_per_task "$DRIVER_MAX_CPU" "$TASKS") ms per task: machine limit $(machine_limit "$DRIVER_MAX_CPU" "$TASKS") tasks/min"
echo "broker peak RSS $(peak_rss "$KAFKA_PID") MB, store $(peak_rss "$MONGO_PID") MB, mock $(peak_rss "$MOCK_PID") MB"
echo
echo "| C | instances | tasks/min | ideal | ratio to ideal | CPU per task (ms) | machine limit | ratio to min(ideal, limit) | ratio to driver | p50 / p95 push-to-filed (ms) | last generated / filed (s) | filing lag p50 / p95 (ms) | calls in flight (peak) | generator RSS (MB) | filter RSS (MB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo
echo "CPU over each run (from the first push to the last task filed; the probe itself not counted):"
printf '  %s\n' "${PROFILES[@]}"
echo
echo "| feedback instances | tasks | repairs | seconds | repairs/min | LLM calls | calls in flight (peak) | feedback RSS (MB) |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${REPAIR_ROWS[@]}"
