#!/usr/bin/env bash
# A fast stand-in for `python -m itera_trainer` in the API tests. It follows the trainer's contract
# (JSON events on stdout, logs on stderr, exit 0 / 1 / 2, output renamed into place at the end) but
# trains nothing: a "fine-tuned" model is a copy of the base GGUF.
#
#   fake-trainer.sh RUN_DIR train --base-gguf B --train-file T --output-gguf O [--epochs N] [...]
#
# RUN_DIR receives <job-id>.pid and <job-id>.args (the job id is the output's directory name), so
# tests can check the arguments and that a cancelled trainer is gone. Markers in the training file
# pick the behaviour: FAKE_REJECT (fails with invalid_training_file), FAKE_SLOW (a step a second for
# ten minutes, to be cancelled), FAKE_CRASH (dies without an event), FAKE_QUIET_ONCE (the first run
# of a job says nothing for ten minutes, as the real trainer loading or exporting a large model; a
# run of the same job after that goes on at once); otherwise it succeeds. Like the real trainer,
# with ITERA_TRAINER_WATCH_STDIN set it stops as on SIGTERM when its standard input ends.
set -u
sleeper=''
trap '[[ -n $sleeper ]] && kill "$sleeper" 2>/dev/null; exit 143' TERM
# a wait that SIGTERM ends at once (a plain `sleep` would hold off the trap until it is over)
nap() { sleep "$1" & sleeper=$!; wait "$sleeper"; sleeper=''; }
if [[ -n ${ITERA_TRAINER_WATCH_STDIN:-} ]]; then
  exec 3<&0
  ( while read -r -u 3 _; do :; done; kill -TERM $$ ) >/dev/null 2>&1 &
  watcher=$!
  trap 'kill "$watcher" 2>/dev/null' EXIT
fi
run_dir=$1
shift
[[ ${1:-} == train ]] || { echo "usage: fake-trainer.sh RUN_DIR train ..." >&2; exit 2; }
shift
epochs=3 batch=4 max_steps=0 lr=0.0002 base='' train='' out=''
args=("$@")
while [[ $# -gt 0 ]]; do
  case $1 in
    --base-gguf) base=$2; shift 2 ;;
    --train-file) train=$2; shift 2 ;;
    --output-gguf) out=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --batch-size) batch=$2; shift 2 ;;
    --max-steps) max_steps=$2; shift 2 ;;
    --learning-rate) lr=$2; shift 2 ;;
    *) shift ;;
  esac
done
job=$(basename "$(dirname "$out")")
first_run=1
[[ -f $run_dir/$job.pid ]] && first_run=0
echo $$ > "$run_dir/$job.pid"
printf '%s\n' "${args[@]}" > "$run_dir/$job.args"
echo "fake trainer for $job: base $base, file $train" >&2

if [[ ! -f $base ]]; then
  echo '{"event":"failed","code":"invalid_base_model","message":"base GGUF not found"}'
  exit 2
fi
if grep -q FAKE_CRASH "$train"; then
  echo "Traceback (most recent call last): simulated crash" >&2
  exit 1
fi
if grep -q FAKE_QUIET_ONCE "$train" && [[ $first_run == 1 ]]; then
  echo "fake trainer for $job: loading, quietly" >&2
  nap 600
fi
if grep -q FAKE_REJECT "$train"; then
  echo '{"event":"failed","code":"invalid_training_file","message":"line 1: the chat template leaves nothing to train on"}'
  exit 2
fi

examples=$(grep -c . "$train")
tokens=$(( $(wc -c < "$train") / 4 ))
steps=$(( (examples + batch - 1) / batch * epochs ))
pause=0
if grep -q FAKE_SLOW "$train"; then
  steps=600 pause=1
fi
if [[ $max_steps -gt 0 && $steps -gt $max_steps ]]; then
  steps=$max_steps
fi
echo "{\"event\":\"started\",\"examples\":$examples,\"tokens\":$tokens,\"steps\":$steps,\"epochs\":$epochs}"
for ((k = 1; k <= steps; k++)); do
  loss=$(awk -v k="$k" 'BEGIN { printf "%.4f", 2.5 / k }')
  epoch=$(( (k - 1) * epochs / steps + 1 ))
  echo "{\"event\":\"step\",\"step\":$k,\"total_steps\":$steps,\"epoch\":$epoch,\"loss\":$loss,\"learning_rate\":$lr,\"tokens\":$(( tokens * k / steps ))}"
  if [[ $pause -gt 0 ]]; then nap "$pause"; fi
done
echo "{\"event\":\"exporting\",\"path\":\"$out\"}"
cp "$base" "$out.part" && mv "$out.part" "$out"
echo "{\"event\":\"succeeded\",\"output\":\"$out\",\"trained_tokens\":$(( tokens * epochs )),\"seconds\":0.1}"
