#!/usr/bin/env bash
# The main job: run a team on a slice of a dataset, end to end, and report what it learned.
#
#   scripts/run.sh [--setting problem-solving|actor-critic|competitive] [--subject arithmetic|pubmedqa|...]
#                  [--game ultimatum|sell-buy|resource-exchange]
#                  [--file FILE] [--difficulty d1s1-add] [--limit 20] [--offset 0] [--test-limit 0]
#                  [--timeout 900] [--round] [--keep]
#   scripts/run.sh --stop      stop generator-service, filter-service, feedback-service,
#                              finetune-service, model-server, Kafka and the store
#   scripts/run.sh --status    show what is running
#   scripts/run.sh --dlq       list the tasks on tasks-dlq, each with the reason it failed
#   scripts/run.sh --backlog   print how many records on tasks, trajectories, failures and
#                              regenerated the services have not finished yet
#
# Offline by default: without OPENAI_BASE_URL the LLM is the local model-server
# (SmolLM2-135M-Instruct, fetched once by scripts/fetch-model.sh) and the subject defaults to
# arithmetic; with OPENAI_BASE_URL (and OPENAI_API_KEY) any OpenAI-compatible endpoint is used
# instead, no model-server is started and the subject defaults to pubmedqa.
#
# 1. builds what is missing or older than its sources (mvn package; ITERA_REBUILD=1 forces it)
# 2. offline only: scripts/fetch-model.sh and scripts/setup-llama.sh (idempotent), then starts model-server (:8090) or
#    reuses a running one; then starts Kafka and the Mongo-compatible store (scripts/infra.sh start)
# 3. starts generator-service (:8081), filter-service (:8082) and feedback-service (:8083, the
#    repair loop), or reuses running ones
# 4. pushes --limit train tasks from FILE (rows --offset on), then --test-limit test tasks from
#    the rows right after them
# 5. follows them until each one is graded or failed to run, then the repair loop until it has
#    settled (nothing left on `failures` and `regenerated`, no repair in flight), and prints a
#    summary with the repairs (also saved under <ITERA_HOME>/runs/); --timeout bounds both
# 6. stops what this run started (also on Ctrl-C), unless --keep
#
# --round runs one self-improvement round around steps 4-5 (scripts/lib/round.sh): it starts
# finetune-service (:8084; offline also sets up the local trainer with scripts/setup-trainer.sh),
# evaluates the team as it is on the test split (skipped when that was evaluated before), pushes
# the train tasks, fine-tunes every agent on its own new examples, evaluates again and prints
# accuracy before/after with 95% intervals. --limit defaults to 60, --test-limit to 40 and
# --timeout to 2400 then (when only repairs are left at the timeout, the round trains on the
# library as it is);
# run it again for the next round: without --offset it trains on the rows after the last round's.
#
# --setting (default problem-solving) is the SiriuS setting the tasks run in: problem-solving
# teams, or actor-critic (an actor answers, a judge that does not know the answer accepts or
# rejects, a critic gives feedback on a reject); the subject needs a team of that setting
# (actor-critic: arithmetic, pubmedqa). The summary then also shows the setting's counters and
# rates (for actor-critic the judge labels PT/PF/NT/NF, unparsed verdicts, TP/overall/judge
# accuracy and the critic's help rate), and a round's report the same before and after.
#
# --game G (the competitive setting, G its subject): two agents negotiate, self-play on the train
# games; a round fine-tunes the game's trainable roles on the games they won and evaluates each
# against the base model on the test games (win rate, deal rate, mean payoffs, ...). Without
# --file the games are generated (org.itera.core.dataset.GameDatasetMain): train seeds from 1,
# test seeds from 1000001, in <ITERA_HOME>/data/games/.
#
# FILE defaults to ../shared/data/<subject>/train.jsonl next to the repository; a relative FILE
# is taken from the current directory. For --subject arithmetic without --file the tasks are
# generated (org.itera.core.dataset.ArithmeticDatasetMain, difficulty --difficulty, default d1s1-add):
# <ITERA_HOME>/data/arithmetic-<difficulty>-train.jsonl (seed 1) and, with --test-limit,
# arithmetic-<difficulty>-test.jsonl (seed 2).
#
# Environment: OPENAI_BASE_URL (unset: the local model-server), OPENAI_API_KEY, ITERA_LLM_MODEL
# (smollm2-135m offline, else gpt-4o-mini), ITERA_LLM_TEMPERATURE (0 offline, else the
# services' 0.7), ITERA_LLM_MAX_TOKENS (256 offline, else the services' 1024), ITERA_CONCURRENCY
# (4 offline, else the generator's 32), ITERA_REPAIR_CONCURRENCY (6 offline, else the
# feedback-service's 16), ITERA_LLM_TIMEOUT (300s offline, else the services' 120s),
# ITERA_REPAIR_MAX_ATTEMPTS (2; filter-service decides the budget), KAFKA_PORT (9092),
# MONGO_PORT (27017), ITERA_HOME (<repo>/.itera), ITERA_REBUILD, ITERA_GENERATOR_PORT (8081),
# ITERA_FILTER_PORT (8082), ITERA_FEEDBACK_PORT (8083), ITERA_MODEL_SERVER_PORT (8090),
# ITERA_MODELS_DIR (~/.cache/itera/models), ITERA_MODEL_SERVER_DATA (<ITERA_HOME>/model-server:
# model-server's files, jobs and fine-tuned models), ITERA_SERVICE_HEAP_OPTS (-Xmx512m), JAVA_HOME.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ITERA_HOME=${ITERA_HOME:-$REPO/.itera}
mkdir -p "$ITERA_HOME"
ITERA_HOME=$(cd "$ITERA_HOME" && pwd)
export ITERA_HOME

# shellcheck source=scripts/lib/common.sh
source "$REPO/scripts/lib/common.sh"
# shellcheck source=scripts/lib/kafka.sh
source "$REPO/scripts/lib/kafka.sh"
# shellcheck source=scripts/lib/services.sh
source "$REPO/scripts/lib/services.sh"
# shellcheck source=scripts/lib/round.sh
source "$REPO/scripts/lib/round.sh"

INFRA="$REPO/scripts/infra.sh"
CLI_TARGET="$REPO/itera-cli/target"

# Offline (the default) when no endpoint is given: the services talk to the local model-server
# with the defaults of their `offline` Quarkus profile (the model's alias, greedy decoding, short
# replies, 4 tasks and 6 repairs at once, longer timeouts, the local round's fine-tuning settings:
# `%offline.` in each service's application.properties); an ITERA_* variable set here still wins.
OFFLINE=0
if [[ -z "${OPENAI_BASE_URL:-}" ]]; then
  OFFLINE=1
  export QUARKUS_PROFILE=prod,offline
  export OPENAI_BASE_URL="http://127.0.0.1:${MODEL_SERVER_PORT}/v1"
  # the alias model-server serves SmolLM2-135M-Instruct under (the profile's default too)
  ITERA_LLM_MODEL=${ITERA_LLM_MODEL:-smollm2-135m}
  # model-server's files, jobs and fine-tuned models belong to this home: a job left queued by an
  # interrupted run in another home must not resume (and take the cores) in this one
  export ITERA_MODEL_SERVER_DATA=${ITERA_MODEL_SERVER_DATA:-$ITERA_HOME/model-server}
else
  export OPENAI_BASE_URL
  ITERA_LLM_MODEL=${ITERA_LLM_MODEL:-gpt-4o-mini}
fi
export KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT}"
export MONGODB_URI="mongodb://127.0.0.1:${MONGO_PORT:-27017}"
[[ -n "${OPENAI_API_KEY:-}" ]] && export OPENAI_API_KEY
for setting in ITERA_LLM_MODEL ITERA_LLM_MAX_TOKENS ITERA_LLM_TEMPERATURE ITERA_LLM_TIMEOUT ITERA_CONCURRENCY; do
  [[ -n "${!setting:-}" ]] && export "${setting?}"
done
[[ -n "${ITERA_REPAIR_CONCURRENCY:-}" ]] && export ITERA_REPAIR_CONCURRENCY
[[ -n "${ITERA_REPAIR_MAX_ATTEMPTS:-}" ]] && export ITERA_REPAIR_MAX_ATTEMPTS

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

# --- building -------------------------------------------------------------------------------

cli_jar() {
  local jar
  for jar in "$CLI_TARGET"/itera-cli-*.jar; do
    case "$jar" in
      *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
      *) [[ -f "$jar" ]] && { printf '%s' "$jar"; return 0; } ;;
    esac
  done
  return 1
}

# The source trees an artifact is built from: the module, the modules it needs, the parent pom.
sources_of() {
  local module=$1 deps
  case "$module" in
    generator-service | feedback-service) deps=(itera-core itera-quarkus itera-llm) ;;
    filter-service | finetune-service) deps=(itera-core itera-quarkus) ;;
    model-server) deps=() ;;
    *) deps=(itera-core) ;;
  esac
  printf '%s\n' "$REPO/pom.xml"
  local m
  for m in "$module" ${deps[@]+"${deps[@]}"}; do
    printf '%s\n' "$REPO/$m/pom.xml" "$REPO/$m/src/main"
  done
}

# stale ARTIFACT MODULE: true when ARTIFACT is missing or a source file is newer.
stale() {
  local artifact=$1 module=$2 paths=()
  [[ -e "$artifact" ]] || return 0
  mapfile -t paths < <(sources_of "$module")
  local existing=() p
  for p in "${paths[@]}"; do [[ -e "$p" ]] && existing+=("$p"); done
  [[ -n "$(find "${existing[@]}" -type f -newer "$artifact" -print -quit 2>/dev/null)" ]]
}

build_if_needed() {
  local modules=() name force=${ITERA_REBUILD:-0}
  for name in "${SERVICES[@]}"; do
    if service_running "$name" >/dev/null; then
      # a running JVM reads its jars lazily: do not rebuild them under it
      if stale "$(service_jar "$name")" "$name"; then
        warn "$name is running an older build; it is reused as is (restart: scripts/run.sh --stop)"
      fi
      continue
    fi
    if [[ "$force" == 1 ]] || stale "$(service_jar "$name")" "$name"; then
      modules+=("$name")
    fi
  done
  if (( OFFLINE )) && ! service_running "$MODEL_SERVER" >/dev/null; then
    if [[ "$force" == 1 ]] || stale "$(service_jar "$MODEL_SERVER")" "$MODEL_SERVER"; then
      modules+=("$MODEL_SERVER")
    fi
  fi
  if (( ROUND )) && ! service_running "$FINETUNE" >/dev/null; then
    if [[ "$force" == 1 ]] || stale "$(service_jar "$FINETUNE")" "$FINETUNE"; then
      modules+=("$FINETUNE")
    fi
  fi
  local jar=""
  jar=$(cli_jar) || true
  if [[ "$force" == 1 || -z "$jar" || ! -d "$CLI_TARGET/lib" ]] || stale "$jar" itera-cli; then
    modules+=(itera-cli)
  fi
  (( ${#modules[@]} )) || return 0
  local list
  list=$(IFS=,; printf '%s' "${modules[*]}")
  info "build: mvn -B -q package -DskipTests -pl $list -am"
  local start=$SECONDS
  (cd "$REPO" && run_mvn package -DskipTests -pl "$list" -am) \
    || die "the build failed (see the Maven output above)"
  info "build: done in $((SECONDS - start))s"
}

# --- the run --------------------------------------------------------------------------------

SETTING=problem-solving
SUBJECT=""   # default: arithmetic offline, pubmedqa with OPENAI_BASE_URL
FILE=""
DIFFICULTY=d1s1-add
TEST_FILE=""   # the test split's file when it is not FILE (generated arithmetic)
LIMIT=20
OFFSET=0
TEST_LIMIT=0
TIMEOUT=900
TIMEOUT_GIVEN=""
KEEP=0
ROUND=0
OFFSET_GIVEN=""
LIMIT_GIVEN=""
TEST_LIMIT_GIVEN=""
STARTED=()   # what this run started: kafka, mongo, model-server, generator-service, filter-service,
             # feedback-service

need_number() {
  [[ "$2" =~ ^[0-9]+$ ]] || die "$1 needs a whole number, not '$2'"
}

parse_args() {
  while (( $# )); do
    case "$1" in
      --setting) SETTING=${2:?--setting needs a value}; shift ;;
      --setting=*) SETTING=${1#*=} ;;
      --game) SUBJECT=${2:?--game needs a value}; SETTING=competitive; shift ;;
      --game=*) SUBJECT=${1#*=}; SETTING=competitive ;;
      --subject) SUBJECT=${2:?--subject needs a value}; shift ;;
      --subject=*) SUBJECT=${1#*=} ;;
      --file) FILE=${2:?--file needs a value}; shift ;;
      --file=*) FILE=${1#*=} ;;
      --difficulty) DIFFICULTY=${2:?--difficulty needs a value}; shift ;;
      --difficulty=*) DIFFICULTY=${1#*=} ;;
      --limit) LIMIT=${2:?--limit needs a value}; LIMIT_GIVEN=1; shift ;;
      --limit=*) LIMIT=${1#*=}; LIMIT_GIVEN=1 ;;
      --offset) OFFSET=${2:?--offset needs a value}; OFFSET_GIVEN=1; shift ;;
      --offset=*) OFFSET=${1#*=}; OFFSET_GIVEN=1 ;;
      --test-limit) TEST_LIMIT=${2:?--test-limit needs a value}; TEST_LIMIT_GIVEN=1; shift ;;
      --test-limit=*) TEST_LIMIT=${1#*=}; TEST_LIMIT_GIVEN=1 ;;
      --round) ROUND=1 ;;
      --timeout) TIMEOUT=${2:?--timeout needs a value}; TIMEOUT_GIVEN=1; shift ;;
      --timeout=*) TIMEOUT=${1#*=}; TIMEOUT_GIVEN=1 ;;
      --keep) KEEP=1 ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown option '$1'" ;;
    esac
    shift
  done
  if (( ROUND )); then
    [[ -n "$LIMIT_GIVEN" ]] || LIMIT=60
    [[ -n "$TEST_LIMIT_GIVEN" ]] || TEST_LIMIT=40
    # the train tasks and their repairs get 40 minutes; repairs still running then go on, and
    # what they rescue joins the next round's library
    [[ -n "$TIMEOUT_GIVEN" ]] || TIMEOUT=2400
  fi
  need_number --limit "$LIMIT"
  need_number --offset "$OFFSET"
  need_number --test-limit "$TEST_LIMIT"
  need_number --timeout "$TIMEOUT"
  (( LIMIT + TEST_LIMIT > 0 )) || die "nothing to do: --limit and --test-limit are both 0"
  (( TIMEOUT > 0 )) || die "--timeout must be at least 1"
  if (( ROUND )); then
    (( LIMIT > 0 && TEST_LIMIT > 0 )) || die "--round needs train tasks (--limit) and test tasks (--test-limit)"
  fi
  [[ "$DIFFICULTY" =~ ^[dD][0-9]+[sS][0-9]+(-[a-zA-Z]+)*$ ]] \
    || die "--difficulty is d<digits>s<steps>, optionally with -add, -sub, -mul (e.g. d2s1, d1s1-add), not '$DIFFICULTY'"
  DIFFICULTY=${DIFFICULTY,,}
  if [[ -z "$SUBJECT" && "$SETTING" != competitive ]]; then
    SUBJECT=pubmedqa
    (( OFFLINE )) && SUBJECT=arithmetic
  fi
  [[ "$SETTING" != competitive || -n "$SUBJECT" ]] || die "--setting competitive needs --game (ultimatum, sell-buy, resource-exchange)"
  # arithmetic and games without a file: generated after the build (see generate_arithmetic, prepare_games)
  [[ "$SUBJECT" == arithmetic && -z "$FILE" ]] && return 0
  [[ "$SETTING" == competitive && -z "$FILE" ]] && return 0
  [[ -n "$FILE" ]] || FILE="$REPO/../shared/data/$SUBJECT/train.jsonl"
  [[ "$FILE" == /* ]] || FILE="$PWD/$FILE"
  [[ -f "$FILE" ]] || die "no dataset file $FILE (give one with --file)"
  FILE="$(cd "$(dirname "$FILE")" && pwd)/$(basename "$FILE")"
  local rows
  rows=$(grep -c '[^[:space:]]' "$FILE" || true)
  (( OFFSET < rows )) || die "$FILE has $rows rows: nothing left after --offset $OFFSET"
  if (( OFFSET + LIMIT + TEST_LIMIT > rows )); then
    warn "$FILE has $rows rows: fewer tasks than asked for will be pushed"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if (( ! KEEP && ${#STARTED[@]} )); then
    info "stopping what this run started: ${STARTED[*]}"
    local what
    for what in generator-service feedback-service filter-service finetune-service model-server mongo kafka; do
      [[ " ${STARTED[*]} " == *" $what "* ]] || continue
      case "$what" in
        kafka | mongo) "$INFRA" stop "$what" || warn "could not stop $what" ;;
        *) service_stop "$what" || warn "could not stop $what" ;;
      esac
    done
  fi
  exit "$rc"
}

# The classpath of itera-core's tools: itera-core's jar, then itera-cli's dependency folder
# (which holds itera-core too, and jackson-databind and jackson-datatype-jsr310).
core_classpath() {
  local jar cp=""
  for jar in "$REPO"/itera-core/target/itera-core-*.jar; do
    case "$jar" in
      *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
      *) [[ -f "$jar" ]] && { cp="$jar:"; break; } ;;
    esac
  done
  [[ -d "$CLI_TARGET/lib" ]] || die "no $CLI_TARGET/lib (build: mvn -B -q package -DskipTests -pl itera-cli -am)"
  printf '%s' "$cp$CLI_TARGET/lib/*"
}

# generate_arithmetic SPLIT SEED COUNT FILE: writes COUNT seeded problems of DIFFICULTY.
generate_arithmetic() {
  local split=$1 seed=$2 count=$3 out=$4
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$(core_classpath)" org.itera.core.dataset.ArithmeticDatasetMain \
    --out "$out" --difficulty "$DIFFICULTY" --seed "$seed" --count "$count" --split "$split" >/dev/null \
    || die "could not generate the arithmetic $split tasks (difficulty $DIFFICULTY)"
}

# For --game without --file: seeded train games (up to --offset + --limit) and test games
# (seeds of their own, so no test game is a train game).
prepare_games() {
  [[ "$SETTING" == competitive && -z "$FILE" ]] || return 0
  local data="$ITERA_HOME/data/games"
  FILE="$data/$SUBJECT-train.jsonl"
  generate_games train $((OFFSET + LIMIT)) "$FILE"
  if (( TEST_LIMIT > 0 )); then
    TEST_FILE="$data/$SUBJECT-test.jsonl"
    generate_games test "$TEST_LIMIT" "$TEST_FILE"
  fi
  info "data: generated $SUBJECT games: $((OFFSET + LIMIT)) train in $FILE${TEST_FILE:+, $TEST_LIMIT test in $TEST_FILE}"
}

# generate_games SPLIT COUNT FILE
generate_games() {
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$(core_classpath)" org.itera.core.dataset.GameDatasetMain \
    --out "$3" --game "$SUBJECT" --split "$1" --count "$2" >/dev/null \
    || die "could not generate the $SUBJECT $1 games"
}

# For --subject arithmetic without --file: the train file (rows --offset on) and the test file
# (another seed, so no test task is a train task).
prepare_arithmetic() {
  [[ "$SUBJECT" == arithmetic && "$SETTING" != competitive && -z "$FILE" ]] || return 0
  local data="$ITERA_HOME/data"
  mkdir -p "$data"
  FILE="$data/arithmetic-$DIFFICULTY-train.jsonl"
  generate_arithmetic train 1 $((OFFSET + LIMIT)) "$FILE"
  if (( TEST_LIMIT > 0 )); then
    TEST_FILE="$data/arithmetic-$DIFFICULTY-test.jsonl"
    generate_arithmetic test 2 "$TEST_LIMIT" "$TEST_FILE"
  fi
  info "data: generated arithmetic $DIFFICULTY tasks: $((OFFSET + LIMIT)) train (seed 1) in $FILE${TEST_FILE:+, $TEST_LIMIT test (seed 2) in $TEST_FILE}"
}

# Offline: the model file (scripts/fetch-model.sh, idempotent), then model-server, or the running one.
start_model_server() {
  (( OFFLINE )) || return 0
  "$REPO/scripts/fetch-model.sh" || die "could not fetch the local model (scripts/fetch-model.sh); or set OPENAI_BASE_URL"
  # the engine model-server runs (idempotent: under a second once built; the Maven build of
  # model-server builds it too, but a jar may outlive its engine cache)
  "$REPO/scripts/setup-llama.sh" >/dev/null || die "could not build the local engine (scripts/setup-llama.sh); or set OPENAI_BASE_URL"
  service_running "$MODEL_SERVER" >/dev/null || STARTED+=("$MODEL_SERVER")
  service_start "$MODEL_SERVER"
}

# Warns (only) when the LLM endpoint the generator will use does not answer: this run's
# OPENAI_BASE_URL, or the one a generator that is already running was started with.
check_llm() {
  local url=$OPENAI_BASE_URL model=$ITERA_LLM_MODEL
  if service_running generator-service >/dev/null; then
    url=$(service_setting generator-service OPENAI_BASE_URL) || url=$OPENAI_BASE_URL
    model=$(service_setting generator-service ITERA_LLM_MODEL) || model=$ITERA_LLM_MODEL
  fi
  if curl -s -o /dev/null --connect-timeout 3 --max-time 5 "${url%/}/models"; then
    info "llm: $url answers (model $model)"
  else
    warn "the LLM endpoint $url does not answer (GET ${url%/}/models)."
    warn "the run goes on, but every task will fail and end on the Kafka topic tasks-dlq after the LLM retries."
    warn "set OPENAI_BASE_URL (and OPENAI_API_KEY) to a working OpenAI-compatible endpoint."
  fi
}

start_infra() {
  local part missing=()
  for part in kafka mongo; do
    "$INFRA" status "$part" >/dev/null 2>&1 || missing+=("$part")
  done
  # recorded before starting, so that an interrupted start is cleaned up too
  STARTED+=("${missing[@]}")
  "$INFRA" start || die "could not start the infrastructure (scripts/infra.sh start)"
}

start_services() {
  local name
  for name in "${SERVICES[@]}"; do service_check_port "$name"; done
  for name in "${SERVICES[@]}"; do
    service_running "$name" >/dev/null || STARTED+=("$name")
    service_start "$name"
  done
}

# The (consumer group, topic) pairs of the pipeline: tasks -> generator, trajectories and
# regenerated -> filter, failures -> feedback.
PIPELINE_QUEUES="generator-service:tasks filter-service:trajectories feedback-service:failures filter-service:regenerated"

# backlog: prints the records on the PIPELINE_QUEUES topics that their consumer group has not
# committed yet; fails when Kafka cannot be asked. A service commits a record only after it
# finished with it (a failure once its repair was written on `regenerated`, a trajectory once its
# failure was written on `failures`), so 0 on every pair means that nothing is queued or in
# flight, the feedback-service's repairs included. A partition the group has not committed on yet
# counts with all its records.
backlog() {
  local out
  out=$(kafka_tool org.apache.kafka.tools.consumer.group.ConsumerGroupCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --describe --all-groups 2>/dev/null) || return 1
  awk -v queues="$PIPELINE_QUEUES" '
    BEGIN { n = split(queues, q, " "); for (i = 1; i <= n; i++) want[q[i]] = 1 }
    $1 == "GROUP" { for (i = 1; i <= NF; i++) col[$i] = i; next }
    !("LAG" in col) || !(($1 ":" $2) in want) { next }
    {
      lag = $col["LAG"]; current = $col["CURRENT-OFFSET"]; end = $col["LOG-END-OFFSET"]
      if (lag ~ /^[0-9]+$/) total += lag
      else if (current == "-" && end ~ /^[0-9]+$/) total += end
    }
    END { print total + 0 }' <<<"$out"
}

# Records the services have not finished (left by an interrupted or timed-out run); 0 when unknown.
queued_work() {
  backlog || echo 0
}

# Tasks the generator is running right now; 0 when unknown.
generator_in_flight() {
  { curl -sf --max-time 5 "$(service_url generator-service)/q/metrics" || true; } \
    | awk '/^itera_tasks_in_flight[ {]/ { n = int($NF) } END { print n + 0 }'
}

# Lets the leftovers of an earlier run (e.g. the repairs a round left) finish first, so that they
# do not share the model with this run's tasks (they belong to their own run id, not to this one).
drain_leftovers() {
  local queued start=$SECONDS busy
  queued=$(queued_work)
  (( queued > 0 )) || return 0
  warn "$queued record(s) of an earlier run (tasks, trajectories, repairs) are still queued; letting them finish first"
  while :; do
    sleep 3
    queued=$(queued_work)
    busy=$(generator_in_flight)
    (( queued == 0 && busy == 0 )) && break
    if (( SECONDS - start >= TIMEOUT )); then
      die "the earlier run's tasks did not finish within ${TIMEOUT}s ($queued queued, $busy running)"
    fi
    info "  still queued: $queued, running: $busy ($((SECONDS - start))s)"
  done
  info "earlier tasks done after $((SECONDS - start))s"
}

# fetch URL FILE: saves the answer, or fails quietly.
fetch() {
  curl -sf --connect-timeout 3 --max-time 20 -o "$2" "$1" || { rm -f "$2"; return 1; }
}

# push FILE SPLIT OFFSET LIMIT: pushes tasks, prints how many were sent.
push() {
  local file=$1 split=$2 offset=$3 limit=$4 out rc=0
  out=$("$REPO/scripts/push-tasks.sh" --file "$file" --setting "$SETTING" --subject "$SUBJECT" --split "$split" \
    --offset "$offset" --limit "$limit" --run "$RUN_ID" --bootstrap "$KAFKA_BOOTSTRAP_SERVERS") || rc=$?
  [[ -n "$out" ]] && printf '%s\n' "$out" >&2
  case "$rc" in
    0) ;;
    2) warn "some $split lines were invalid and skipped (see above)" ;;
    *) die "push-tasks failed for the $split split (exit $rc)" ;;
  esac
  local sent
  sent=$(sed -n 's/^sent \([0-9][0-9]*\) tasks.*/\1/p' <<<"$out" | tail -n 1)
  printf '%s' "${sent:-0}"
}

run() {
  parse_args "$@"
  require_java
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  (( ROUND )) && round_pick_offset
  build_if_needed
  prepare_arithmetic
  prepare_games
  local name
  for name in "${SERVICES[@]}"; do service_check_port "$name"; done
  if (( OFFLINE )); then service_check_port "$MODEL_SERVER"; fi
  if (( ROUND )); then
    service_check_port "$FINETUNE"
    round_configure
    round_setup_trainer
  fi
  start_model_server
  check_llm
  start_infra
  start_services
  (( ROUND )) && round_start_service
  drain_leftovers

  local run_dir filter_url
  run_dir="$ITERA_HOME/runs/$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$run_dir"
  # every task pushed below carries this run id: GET <filter-service>/runs/<id> reports the run
  RUN_ID="run-$(date -u +%Y%m%d-%H%M%S)-$(printf '%04x' "$RANDOM")"
  printf '%s\n' "$RUN_ID" >"$run_dir/run-id"
  (( ROUND )) && round_before "$run_dir"
  filter_url=$(service_url filter-service)
  local sent=0 n
  if [[ -n "$TEST_FILE" ]]; then
    local what="$SETTING $SUBJECT"
    [[ "$SUBJECT" == arithmetic ]] && what+=" $DIFFICULTY"
    info "push: $what: $LIMIT train from $FILE (rows from $OFFSET), $TEST_LIMIT test from $TEST_FILE"
  else
    info "push: $SETTING $SUBJECT from $FILE: $LIMIT train (rows from $OFFSET), $TEST_LIMIT test"
  fi
  if (( LIMIT > 0 )); then
    n=$(push "$FILE" train "$OFFSET" "$LIMIT")
    sent=$((sent + n))
  fi
  # in a round, the test tasks are the finetune-service's evaluation tasks
  if (( TEST_LIMIT > 0 && ! ROUND )); then
    if [[ -n "$TEST_FILE" ]]; then
      n=$(push "$TEST_FILE" test 0 "$TEST_LIMIT")
    else
      n=$(push "$FILE" test $((OFFSET + LIMIT)) "$TEST_LIMIT")
    fi
    sent=$((sent + n))
  fi
  (( sent > 0 )) || die "no task was sent (does $FILE have more than $OFFSET rows?)"

  info "run $RUN_ID: where it stands at $filter_url/runs/$RUN_ID"
  info "watch: $sent task(s), then the repair loop, up to ${TIMEOUT}s (Ctrl-C stops the run)"
  local progress="lines"
  [[ -t 2 ]] && progress="tty"
  local jar rc=0
  jar=$(cli_jar) || die "no itera-cli jar in $CLI_TARGET"
  # the watcher follows the run through GET <filter-service>/runs/<id>; it waits for the repair loop
  # (--settle) until no task of the run waits for a repair
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$jar:$CLI_TARGET/lib/*" org.itera.cli.RunWatcher \
    --run "$RUN_ID" --filter "$filter_url" --expect "$sent" --timeout "$TIMEOUT" --settle --settle-interval 5 \
    --progress "$progress" --dlq-hint "$(dlq_hint)" \
    | tee "$run_dir/summary.txt" || rc=$?
  if (( ROUND && rc == 4 )); then
    # every task graded, the repair loop still busy: train on the library as it is; the repairs
    # go on and what they rescue waits in the library for the next round
    warn "round: the repair loop had not settled within ${TIMEOUT}s; fine-tuning on the library as it is now (later rescues join the next round)"
    round_pause_repairs
    rc=0
  fi
  if (( ROUND && rc == 0 )); then
    round_save_offset
    round_after "$run_dir"
    round_resume_repairs
  fi
  info "(summary saved in $run_dir/summary.txt)"

  if (( KEEP )); then
    print_kept
  fi
  return "$rc"
}

dlq_hint() {
  local how="scripts/run.sh --dlq"
  if (( ! KEEP )) && [[ " ${STARTED[*]} " == *" kafka "* ]]; then
    how="scripts/infra.sh start kafka, then scripts/run.sh --dlq (or run with --keep)"
  fi
  printf 'List them: %s. Generator log: %s' "$how" "$(service_log generator-service)"
}

print_kept() {
  local g f b model_line=""
  if service_running "$MODEL_SERVER" >/dev/null; then
    model_line=$(printf '  model-server       %s    log: %s' "$(service_url "$MODEL_SERVER")" \
      "$(service_log "$MODEL_SERVER")")$'\n'
  fi
  if service_running "$FINETUNE" >/dev/null; then
    model_line+=$(printf '  finetune-service   %s    log: %s' "$(service_url "$FINETUNE")" \
      "$(service_log "$FINETUNE")")$'\n'
  fi
  g=$(service_url generator-service)
  f=$(service_url filter-service)
  b=$(service_url feedback-service)
  cat <<EOF

Kept running (--keep):
  generator-service  $g    log: $(service_log generator-service)
  filter-service     $f    log: $(service_log filter-service)
  feedback-service   $b    log: $(service_log feedback-service)
${model_line}  library stats      $f/library/stats
  metrics            $g/q/metrics  $f/q/metrics  $b/q/metrics
  Kafka $KAFKA_BOOTSTRAP_SERVERS, store $MONGODB_URI
Stop everything with: scripts/run.sh --stop
EOF
}

stop_all() {
  local name
  for name in "${SERVICES[@]}" "$FINETUNE" "$MODEL_SERVER"; do service_stop "$name"; done
  "$INFRA" stop
}

status_all() {
  local rc=0 name
  for name in "${SERVICES[@]}"; do service_status "$name" || rc=3; done
  # model-server only matters offline, or when it runs anyway
  if (( OFFLINE )) || service_running "$MODEL_SERVER" >/dev/null; then
    service_status "$MODEL_SERVER" || rc=3
  fi
  # finetune-service only runs for --round
  if service_running "$FINETUNE" >/dev/null; then
    service_status "$FINETUNE" || rc=3
  fi
  "$INFRA" status || rc=3
  return "$rc"
}

show_dlq() {
  require_java
  pid_alive "$KAFKA_PID" "$KAFKA_MARKER" >/dev/null || die "kafka is not running (scripts/run.sh --keep leaves it up)"
  info "tasks-dlq on $KAFKA_BOOTSTRAP_SERVERS, every run so far (task id, then why):"
  # each record prints as "<headers>\t<key>"; the headers are dead-letter-reason and friends
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" \
    --topic tasks-dlq --from-beginning --timeout-ms 5000 \
    --property print.key=true --property print.headers=true --property print.value=false 2>/dev/null \
    | awk -F'\t' '
        /^Processed a total of/ { next }
        {
          n = split($1, part, /(^|,)dead-letter-/); reason = ""
          for (i = 1; i <= n; i++) if (part[i] ~ /^reason:/) reason = substr(part[i], 8)
          if (reason == "") { print; next }
          count++; printf "%s\n    %s\n", $NF, reason
        }
        END { printf "%d task(s) on tasks-dlq\n", count }' || true
}

# For the run watcher: the pipeline's backlog (see backlog), or a failure when Kafka is down.
show_backlog() {
  require_java
  pid_alive "$KAFKA_PID" "$KAFKA_MARKER" >/dev/null || die "kafka is not running"
  backlog || die "could not read the consumer groups from Kafka at $KAFKA_BOOTSTRAP_SERVERS"
}

case "${1:-}" in
  --stop) stop_all ;;
  --backlog) show_backlog ;;
  --status) status_all ;;
  --dlq) show_dlq ;;
  *) run "$@" ;;
esac
