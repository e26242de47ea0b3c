#!/usr/bin/env bash
# Benchmark of model-server: generated tokens/s at 1 and at 16 concurrent requests over HTTP
# (loopback), and the same load straight through the de.kherud:llama API (no HTTP) as reference,
# same model file, same threads, in the same run. Prints both and their ratio.
#
#   bench/model-server.sh            (env: ITERA_MODELS_DIR, BENCH_THREADS=2, BENCH_MAX_TOKENS=128,
#                                     BENCH_PORT=18091, BENCH_MODEL=SmolLM2-135M-Instruct.Q4_1)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MODULE=$REPO/model-server
MODELS_DIR=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}
MODEL=${BENCH_MODEL:-SmolLM2-135M-Instruct.Q4_1}
THREADS=${BENCH_THREADS:-2}
MAX_TOKENS=${BENCH_MAX_TOKENS:-128}
PORT=${BENCH_PORT:-18091}
CTX=4096            # 16 slots of 256 tokens: enough for the prompt and MAX_TOKENS
LLAMA_JAR=$HOME/.m2/repository/de/kherud/llama/4.2.0/llama-4.2.0.jar

"$REPO/scripts/fetch-model.sh" >/dev/null
echo "building model-server..."
(cd "$MODULE" && mvn -B -q -o package test-compile -DskipTests) || (cd "$MODULE" && mvn -B -q package test-compile -DskipTests)
CP=$MODULE/target/test-classes:$LLAMA_JAR
bench() { java -cp "$CP" org.itera.modelserver.bench.ModelServerBench "$@" | grep tokens_per_second; }
rate() { sed -E 's/.*tokens_per_second=([0-9.]+).*/\1/' <<<"$1"; }

PORT=$PORT ITERA_MODELS_DIR=$MODELS_DIR ITERA_MODEL_THREADS=$THREADS ITERA_MODEL_CTX=$CTX \
  ITERA_MODEL_PARALLEL=16 ITERA_MODEL_QUEUE=64 java -jar "$MODULE/target/quarkus-app/quarkus-run.jar" \
  >"$MODULE/target/bench-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "localhost:$PORT/q/health/ready" >/dev/null || { echo "model-server did not become ready" >&2; exit 1; }

URL=http://127.0.0.1:$PORT
bench http "$URL" "$MODEL" 1 1 16 >/dev/null   # warm-up
H1=$(bench http "$URL" "$MODEL" 1 4 "$MAX_TOKENS")
H16=$(bench http "$URL" "$MODEL" 16 32 "$MAX_TOKENS")
kill $SERVER; wait $SERVER 2>/dev/null || true

FILE=$MODELS_DIR/$MODEL.gguf
D1=$(bench direct "$FILE" "$THREADS" "$CTX" 1 4 "$MAX_TOKENS")
D16=$(bench direct "$FILE" "$THREADS" "$CTX" 16 32 "$MAX_TOKENS")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "model $MODEL, threads $THREADS, max_tokens $MAX_TOKENS, $(nproc) cores, $(date -u +%FT%TZ)"
printf '%-14s %-40s %-40s %s\n' concurrency "model-server (HTTP)" "direct (de.kherud:llama)" ratio
printf '%-14s %-40s %-40s %s\n' 1 "$H1" "$D1" "$(ratio "$(rate "$H1")" "$(rate "$D1")")"
printf '%-14s %-40s %-40s %s\n' 16 "$H16" "$D16" "$(ratio "$(rate "$H16")" "$(rate "$D16")")"
