#!/usr/bin/env bash
# How many requests at once suit the local engine for a round's own mix of requests: replays the
# requests of a real default round (bench/round-mix.jsonl: prompt and generated tokens per
# request, from the engine's log) on llama-server as model-server runs it (same file, threads,
# flash attention off, spin count), with --parallel P and P clients, for each P in BENCH_SLOTS.
# Prints the wall time and tokens/s per P.
#
#   bench/round-mix.sh   (env: BENCH_SLOTS="1 2 4 8", BENCH_REQUESTS=96, BENCH_THREADS=2,
#                         BENCH_SPIN_COUNT=1000, BENCH_PORT=18095, ITERA_MODELS_DIR,
#                         BENCH_MIX=bench/round-mix.jsonl)
# A new mix from a round's engine log (<ITERA_HOME>/model-server/engine/<model>.log):
#   bench/round-mix.sh --from-log LOG > bench/round-mix.jsonl
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ "${1:-}" == "--from-log" ]]; then
  # a request's "prompt eval time" line comes before its "eval time" line, with the same task id
  sed -n 's/.*| task \([0-9]*\) | *\(prompt eval\|eval\) time = *[0-9.]* ms \/ *\([0-9]*\) tokens.*/\1 \2 \3/p' "$2" \
    | awk '$2 == "prompt" { p[$1] = $4; next } ($1 in p) { printf "{\"prompt\": %d, \"generated\": %d}\n", p[$1], $3; delete p[$1] }'
  exit 0
fi

SLOTS_LIST=${BENCH_SLOTS:-1 2 4 8}
REQUESTS=${BENCH_REQUESTS:-96}
THREADS=${BENCH_THREADS:-2}
SPIN=${BENCH_SPIN_COUNT:-1000}
PORT=${BENCH_PORT:-18095}
MIX=${BENCH_MIX:-$REPO/bench/round-mix.jsonl}
FILE=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}/SmolLM2-135M-Instruct.Q4_1.gguf
LOGS=$REPO/model-server/target/bench
mkdir -p "$LOGS"

"$REPO/scripts/fetch-model.sh" >/dev/null
BIN=$("$REPO/scripts/setup-llama.sh" 2>/dev/null | tail -n 1)
PID=
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true' EXIT

echo "mix: $(head -n "$REQUESTS" "$MIX" | wc -l) requests of $MIX; $THREADS threads, GOMP_SPINCOUNT=$SPIN"
for slots in $SLOTS_LIST; do
  GOMP_SPINCOUNT=$SPIN "$BIN/llama-server" --model "$FILE" --host 127.0.0.1 --port "$PORT" --threads "$THREADS" \
    --threads-batch "$THREADS" --ctx-size $((2048 * slots)) --parallel "$slots" --flash-attn off \
    --no-context-shift --no-webui --cache-ram 0 >"$LOGS/round-mix-$slots.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
  python3 "$REPO/bench/round-mix.py" "$PORT" "$slots" "$MIX" "$REQUESTS"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
