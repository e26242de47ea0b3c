#!/usr/bin/env bash
# Benchmark of model-server against the current llama.cpp built here (scripts/setup-llama.sh), on
# the same model file, threads, context, slots and sampling, in one run:
#   1. llama-bench: generation (tg) and prompt processing (pp) tokens/s of one sequence;
#   2. llama-server itself over HTTP (its /v1/chat/completions) and model-server over HTTP, at 1
#      and at 16 concurrent requests, alternated BENCH_ROUNDS times (each figure is the mean of
#      the rounds; a round measures the reference, then model-server, so load drifts hit both);
#   3. a shared system prompt (bench/shared-system-prompt.txt, about 500 tokens) with a different
#      question per request, greedy, 4 at a time: model-server with prompt caching (its default),
#      llama-server, and model-server with ITERA_MODEL_CACHE_PROMPT=false.
# Prints every figure and the ratios model-server / llama-server. The reference llama-server runs
# with the engine settings model-server gives its own (threads, context, slots, flash attention off,
# the OpenMP spin count BENCH_SPIN_COUNT, model-server's default 1000); llama-bench runs with
# llama.cpp's default spin count and with that one.
#
#   bench/model-server.sh       (env: ITERA_MODELS_DIR, BENCH_THREADS=2, BENCH_MAX_TOKENS=128,
#                                BENCH_ROUNDS=2, BENCH_SPIN_COUNT=1000, BENCH_PORT=18091 (uses 18091-18094),
#                                BENCH_MODEL=SmolLM2-135M-Instruct.Q4_1)
# Runs on a fresh clone: it builds the module with its reactor dependencies (no mvn install).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODULE=$REPO/model-server
MODELS_DIR=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}
MODEL=${BENCH_MODEL:-SmolLM2-135M-Instruct.Q4_1}
FILE=$MODELS_DIR/$MODEL.gguf
THREADS=${BENCH_THREADS:-2}
MAX_TOKENS=${BENCH_MAX_TOKENS:-128}
ROUNDS=${BENCH_ROUNDS:-2}
SPIN=${BENCH_SPIN_COUNT:-1000}
PORT=${BENCH_PORT:-18091}
CTX=4096            # 16 slots of 256 tokens: enough for the prompt and MAX_TOKENS
SLOTS=16
SHARED_CTX=8192     # 4 slots of 2048 tokens for the shared-system-prompt load
SYSTEM=$REPO/bench/shared-system-prompt.txt
LOGS=$MODULE/target/bench
mkdir -p "$LOGS"

"$REPO/scripts/fetch-model.sh" >/dev/null
echo "building model-server and the llama.cpp engine (cached after the first time)..."
(cd "$REPO" && { mvn -B -q -o -pl model-server -am package -DskipTests 2>/dev/null \
  || mvn -B -q -pl model-server -am package -DskipTests; })
BIN=$("$REPO/scripts/setup-llama.sh" 2>/dev/null | tail -n 1)
CP=$MODULE/target/test-classes

PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

await() {   # await URL: until it answers 200 (model-server: /q/health/ready, llama-server: /health)
  for _ in $(seq 1 240); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "no answer from $1" >&2; exit 1
}
start_reference() {   # start_reference PORT CTX SLOTS: llama-server as model-server runs it
  GOMP_SPINCOUNT=$SPIN "$BIN/llama-server" --model "$FILE" --host 127.0.0.1 --port "$1" --threads "$THREADS" \
    --threads-batch "$THREADS" --ctx-size "$2" --parallel "$3" --flash-attn off --no-webui \
    >"$LOGS/llama-server-$1.log" 2>&1 &
  PIDS+=($!)
  await "http://127.0.0.1:$1/health"
}
start_model_server() {   # start_model_server PORT CTX SLOTS [ENV...]
  local port=$1 ctx=$2 slots=$3
  shift 3
  env "$@" PORT="$port" ITERA_MODELS_DIR="$MODELS_DIR" ITERA_MODEL_THREADS="$THREADS" ITERA_MODEL_CTX="$ctx" \
    ITERA_MODEL_PARALLEL="$slots" ITERA_MODEL_QUEUE=64 ITERA_MODEL_SPIN_COUNT="$SPIN" ITERA_LLAMA_SERVER="$BIN/llama-server" \
    ITERA_MODEL_SERVER_DATA="$LOGS/data-$port" java -jar "$MODULE/target/quarkus-app/quarkus-run.jar" \
    >"$LOGS/model-server-$port.log" 2>&1 &
  PIDS+=($!)
  await "http://127.0.0.1:$port/q/health/ready"
}
load() {   # load PORT CONCURRENCY REQUESTS MAX_TOKENS [SYSTEM_FILE]: one line of figures
  java -cp "$CP" org.itera.modelserver.bench.ModelServerBench "http://127.0.0.1:$1" "$MODEL" "${@:2}"
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }
mean() { awk '{ s += $1 } END { printf "%.1f", s / NR }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "llama-bench (one sequence, $THREADS threads)..."
LLAMA_BENCH=$("$BIN/llama-bench" -m "$FILE" -t "$THREADS" -p 512 -n 128 -r 3 -fa 0,1 -o md 2>/dev/null | grep -E '^\|')
LLAMA_BENCH_SPIN=$(GOMP_SPINCOUNT=$SPIN "$BIN/llama-bench" -m "$FILE" -t "$THREADS" -p 512 -n 128 -r 3 -fa 0 -o md 2>/dev/null \
  | grep -E '^\|' | tail -n +3)

REF=$PORT MS=$((PORT + 1))
start_reference "$REF" "$CTX" "$SLOTS"
start_model_server "$MS" "$CTX" "$SLOTS"
load "$REF" 1 1 16 >/dev/null && load "$MS" 1 1 16 >/dev/null   # warm-up
declare -A RATES=()
for round in $(seq 1 "$ROUNDS"); do
  for c in 1 16; do
    requests=$(( c == 1 ? 4 : 32 ))
    for who in REF MS; do
      line=$(load "${!who}" "$c" "$requests" "$MAX_TOKENS")
      echo "round $round, $who, concurrency $c: $line"
      RATES[$who-$c]+="$(field tokens_per_second "$line") "
    done
  done
done

echo "shared system prompt: 32 requests, 4 at a time, 16 tokens each..."
SHARED_REF=$((PORT + 2)) SHARED_NOCACHE=$((PORT + 3))
kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; PIDS=()
start_reference "$SHARED_REF" "$SHARED_CTX" 4
start_model_server "$MS" "$SHARED_CTX" 4
start_model_server "$SHARED_NOCACHE" "$SHARED_CTX" 4 ITERA_MODEL_CACHE_PROMPT=false
for who in SHARED_REF MS SHARED_NOCACHE; do load "${!who}" 4 4 16 "$SYSTEM" >/dev/null; done   # warm-up
S_REF=$(load "$SHARED_REF" 4 32 16 "$SYSTEM")
S_MS=$(load "$MS" 4 32 16 "$SYSTEM")
S_NOCACHE=$(load "$SHARED_NOCACHE" 4 32 16 "$SYSTEM")

echo
echo "model $MODEL, threads $THREADS, max_tokens $MAX_TOKENS, $ROUNDS rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
grep -E '^(package|variant|cmake flags|build seconds)' "$(dirname "$BIN")/build-info.txt" || true
echo "llama-bench (llama.cpp's default spin count, then GOMP_SPINCOUNT=$SPIN):"
printf '%s\n' "$LLAMA_BENCH" "$LLAMA_BENCH_SPIN"
printf '%-12s %-22s %-22s %s\n' concurrency "llama-server (HTTP)" "model-server (HTTP)" "ratio"
for c in 1 16; do
  ref=$(mean <<<"$(tr ' ' '\n' <<<"${RATES[REF-$c]}" | grep .)")
  ms=$(mean <<<"$(tr ' ' '\n' <<<"${RATES[MS-$c]}" | grep .)")
  printf '%-12s %-22s %-22s %s\n' "$c" "$ref tokens/s" "$ms tokens/s" "$(ratio "$ms" "$ref")"
  echo "             (rounds: llama-server ${RATES[REF-$c]}; model-server ${RATES[MS-$c]})"
done
echo "shared system prompt (requests/s): llama-server $(field requests_per_second "$S_REF"), model-server" \
  "$(field requests_per_second "$S_MS") (ratio $(ratio "$(field requests_per_second "$S_MS")" \
  "$(field requests_per_second "$S_REF")")), model-server without prompt caching $(field requests_per_second "$S_NOCACHE")"
echo "  llama-server: $S_REF"
echo "  model-server: $S_MS"
echo "  model-server, cache off: $S_NOCACHE"
