#!/usr/bin/env bash
# Benchmark of the trainer: trained tokens/s and steps/s of `python -m itera_trainer train` on
# SmolLM2-135M (LoRA r=8, batch 4) against a plain hand-written PEFT loop (the same model,
# LoRA configuration, data, batch order, batch size and steps; trainer/bench/reference_loop.py)
# in the same run. Both rates are over steps 2..N. Prints both, their ratio and peak RSS.
#
#   bench/trainer.sh        (env: BENCH_STEPS=8, BENCH_EXAMPLES=50, BENCH_THREADS=2,
#                            ITERA_MODELS_DIR, ITERA_TRAINER_VENV)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STEPS=${BENCH_STEPS:-8}
EXAMPLES=${BENCH_EXAMPLES:-50}
THREADS=${BENCH_THREADS:-2}
MODEL=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}/SmolLM2-135M-Instruct.Q4_1.gguf

"$REPO/scripts/fetch-model.sh" >/dev/null
PY=$("$REPO/scripts/setup-trainer.sh" | tail -1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PYTHONPATH=$REPO/trainer/src HF_HUB_OFFLINE=1
"$PY" "$REPO/trainer/bench/arithmetic.py" "$WORK/train.jsonl" "$EXAMPLES"

echo "trainer benchmark: $EXAMPLES arithmetic examples, $STEPS steps, batch 4, $THREADS threads, load $(cut -d' ' -f1-3 /proc/loadavg)"
OURS=$("$PY" "$REPO/trainer/bench/run_cli.py" --base-gguf "$MODEL" --train-file "$WORK/train.jsonl" \
  --output-gguf "$WORK/out.gguf" --max-steps "$STEPS" --batch-size 4 --threads "$THREADS" 2>"$WORK/ours.log")
echo "itera_trainer: $OURS"
REF=$("$PY" "$REPO/trainer/bench/reference_loop.py" --base-gguf "$MODEL" --train-file "$WORK/train.jsonl" \
  --steps "$STEPS" --batch-size 4 --threads "$THREADS" 2>"$WORK/ref.log")
echo "reference:     $REF"
"$PY" - "$OURS" "$REF" <<'PY'
import json, sys
ours, ref = (json.loads(a) for a in sys.argv[1:])
print(f"trained tokens/s: itera_trainer {ours['tokens_per_second']:.1f}, reference {ref['tokens_per_second']:.1f}, "
      f"ratio {ours['tokens_per_second'] / ref['tokens_per_second']:.2f}")
print(f"steps/s: itera_trainer {ours['steps_per_second']:.3f}, reference {ref['steps_per_second']:.3f}; "
      f"peak RSS MB: itera_trainer {ours['peak_rss_mb']}, reference {ref['peak_rss_mb']}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
