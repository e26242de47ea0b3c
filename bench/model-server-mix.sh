#!/usr/bin/env bash
# model-server against the same llama-server on a real round's requests (bench/round-mix.jsonl),
# 4 at a time as a round runs them: llama-server started with model-server's engine settings (4
# slots, 4096-token context, 2 threads, flash attention off, GOMP_SPINCOUNT 1000) and its OpenAI
# chat endpoint, then model-server with loops cut (every completion streamed from the engine) and
# with them not cut (whole completions), alternated BENCH_ROUNDS times. Greedy, so both give the
# same replies (model-server's cut ones are shorter): compare generated tokens per second.
#
#   bench/model-server-mix.sh   (env: BENCH_REQUESTS=64, BENCH_ROUNDS=2, BENCH_CONCURRENCY=4)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${BENCH_REQUESTS:-64}; ROUNDS=${BENCH_ROUNDS:-2}; C=${BENCH_CONCURRENCY:-4}
LOGS=$REPO/model-server/target/bench-mix; mkdir -p "$LOGS"
"$REPO/scripts/fetch-model.sh" >/dev/null
BIN=$("$REPO/scripts/setup-llama.sh" 2>/dev/null | tail -n 1)
MODEL=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}/SmolLM2-135M-Instruct.Q4_1.gguf
(cd "$REPO" && mvn -B -q package -DskipTests -pl model-server -am)
PID=
trap '[[ -n "$PID" ]] && kill "$PID" 2>/dev/null; wait 2>/dev/null || true' EXIT
await() { for _ in $(seq 1 240); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }
for round in $(seq 1 "$ROUNDS"); do
  GOMP_SPINCOUNT=1000 "$BIN/llama-server" --model "$MODEL" --host 127.0.0.1 --port 18101 --threads 2 \
    --threads-batch 2 --ctx-size 4096 --parallel 4 --flash-attn off --no-context-shift --jinja --no-webui \
    --cache-ram 0 --no-slots >"$LOGS/llama-server.log" 2>&1 &
  PID=$!; await http://127.0.0.1:18101/health
  echo -n "llama-server        "; python3 "$REPO/bench/round-mix-chat.py" http://127.0.0.1:18101/v1 x "$C" "$REPO/bench/round-mix.jsonl" "$N"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  for loops in true false; do
    ITERA_MODEL_STOP_LOOPS=$loops ITERA_MODEL_SERVER_DATA="$LOGS/data" PORT=18102 \
      java -Xmx512m -jar "$REPO/model-server/target/quarkus-app/quarkus-run.jar" >"$LOGS/model-server-$loops.log" 2>&1 &
    PID=$!; await http://127.0.0.1:18102/q/health/ready
    echo -n "model-server loops-cut=$loops "; python3 "$REPO/bench/round-mix-chat.py" http://127.0.0.1:18102/v1 smollm2-135m "$C" "$REPO/bench/round-mix.jsonl" "$N"
    kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
  done
done
