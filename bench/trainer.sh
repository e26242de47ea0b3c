#!/usr/bin/env bash
# Benchmark of the trainer: trained tokens/s and steps/s of `python -m itera_trainer train` on
# SmolLM2-135M (LoRA r=8, batch 4) against a plain hand-written PEFT loop (the same model,
# LoRA configuration, data, batch order, batch size and steps; trainer/bench/reference_loop.py)
# in the same run, alternated BENCH_ROUNDS times. Rates are over steps 2..N of each run (step 1
# warms up), summed over the rounds. Prints both, their ratio and peak RSS.
#
#   bench/trainer.sh        (env: BENCH_STEPS=8, BENCH_EXAMPLES=50, BENCH_THREADS=2, BENCH_ROUNDS=2,
#                            BENCH_TRAIN_FILE, ITERA_MODELS_DIR, ITERA_TRAINER_VENV)
# Data: BENCH_EXAMPLES short arithmetic chats of nearly one length (trainer/bench/arithmetic.py), or
# the chat JSONL file BENCH_TRAIN_FILE, e.g. bench/round-training.jsonl: the reporter's training
# file of the default round of 2026-12-02 01:03 (39 examples of 100-420 tokens, as a round's are).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STEPS=${BENCH_STEPS:-8}
EXAMPLES=${BENCH_EXAMPLES:-50}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-2}
MODEL=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}/SmolLM2-135M-Instruct.Q4_1.gguf

"$REPO/scripts/fetch-model.sh" >/dev/null
PY=$("$REPO/scripts/setup-trainer.sh" | tail -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PYTHONPATH=$REPO/trainer/src HF_HUB_OFFLINE=1
if [[ -n ${BENCH_TRAIN_FILE:-} ]]; then
  cp "$BENCH_TRAIN_FILE" "$WORK/train.jsonl"
  DATA="$(wc -l <"$WORK/train.jsonl") examples of $BENCH_TRAIN_FILE"
else
  "$PY" "$REPO/trainer/bench/arithmetic.py" "$WORK/train.jsonl" "$EXAMPLES"
  DATA="$EXAMPLES arithmetic examples"
fi

echo "trainer benchmark: $DATA, $STEPS steps, batch 4, $THREADS threads, $ROUNDS round(s), load $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$WORK/ours.jsonl"; : >"$WORK/ref.jsonl"
for round in $(seq 1 "$ROUNDS"); do   # alternate the two, so a change of machine load hits both
  OURS=$("$PY" "$REPO/trainer/bench/run_cli.py" --base-gguf "$MODEL" --train-file "$WORK/train.jsonl" \
    --output-gguf "$WORK/out.gguf" --max-steps "$STEPS" --batch-size 4 --threads "$THREADS" 2>"$WORK/ours.log")
  echo "itera_trainer ($round): $OURS"; echo "$OURS" >>"$WORK/ours.jsonl"
  REF=$("$PY" "$REPO/trainer/bench/reference_loop.py" --base-gguf "$MODEL" --train-file "$WORK/train.jsonl" \
    --steps "$STEPS" --batch-size 4 --threads "$THREADS" 2>"$WORK/ref.log")
  echo "reference     ($round): $REF"; echo "$REF" >>"$WORK/ref.jsonl"
done
"$PY" - "$WORK/ours.jsonl" "$WORK/ref.jsonl" <<'PY'
import json, sys
def total(path):
    runs = [json.loads(line) for line in open(path)]
    tokens, seconds, steps = (sum(r[k] for r in runs) for k in ("tokens", "seconds", "steps"))
    return tokens / seconds, steps / seconds, max(r["peak_rss_mb"] for r in runs)
(ot, os_, orss), (rt, rs, rrss) = total(sys.argv[1]), total(sys.argv[2])
print(f"trained tokens/s: itera_trainer {ot:.1f}, reference {rt:.1f}, ratio {ot / rt:.2f}")
print(f"steps/s: itera_trainer {os_:.3f}, reference {rs:.3f}; peak RSS MB: itera_trainer {orss}, reference {rrss}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
