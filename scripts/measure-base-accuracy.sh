#!/usr/bin/env bash
# Measures the first-attempt accuracy of the team on each subject with the model the run uses
# (offline: SmolLM2-135M-Instruct on model-server), one scripts/run.sh run per line of the plan,
# without repairs (ITERA_REPAIR_MAX_ATTEMPTS=0), and prints a Markdown table for docs/results.md.
#
#   scripts/measure-base-accuracy.sh [--n 20] [--timeout 1200] [PLAN...]
#
# A PLAN entry is SUBJECT[:DIFFICULTY] or SUBJECT=FILE (relative to the repository), e.g.
# arithmetic:d2s2, gsm8k, physics=../shared/data/mmlu/college_physics/val.jsonl. Without entries,
# the plan is arithmetic at d1s1-add, d1s1, d2s1, d2s2 and d3s2, gsm8k, pubmedqa and MMLU college physics.
# The stack is kept between entries and stopped at the end if this script started it. Each run's
# full summary is under <ITERA_HOME>/runs/. Environment: as scripts/run.sh (ITERA_HOME etc.).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=20
TIMEOUT=1200
PLAN=()
while (( $# )); do
  case "$1" in
    --n) N=${2:?--n needs a value}; shift ;;
    --timeout) TIMEOUT=${2:?--timeout needs a value}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option '$1'" >&2; exit 64 ;;
    *) PLAN+=("$1") ;;
  esac
  shift
done
(( ${#PLAN[@]} )) || PLAN=(arithmetic:d1s1-add arithmetic:d1s1 arithmetic:d2s1 arithmetic:d2s2 arithmetic:d3s2 gsm8k pubmedqa
  "physics=../shared/data/mmlu/college_physics/val.jsonl")

was_running=0
"$REPO/scripts/run.sh" --status >/dev/null 2>&1 && was_running=1
export ITERA_REPAIR_MAX_ATTEMPTS=0

rows=()
for entry in "${PLAN[@]}"; do
  args=(--keep --limit "$N" --timeout "$TIMEOUT")
  subject=${entry%%[:=]*}
  label=$subject
  case "$entry" in
    *:*) args+=(--subject "$subject" --difficulty "${entry#*:}"); label="$subject ${entry#*:}" ;;
    *=*) args+=(--subject "$subject" --file "$REPO/${entry#*=}"); label="$subject ($(basename "$(dirname "${entry#*=}")"))" ;;
    *) args+=(--subject "$subject") ;;
  esac
  echo "== $label: scripts/run.sh ${args[*]}" >&2
  start=$SECONDS
  out=$("$REPO/scripts/run.sh" "${args[@]}" 2>/dev/null) || true
  # the row of the subject in the summary's accuracy table: subject, split, graded, correct, accuracy
  line=$(awk -v s="$subject" '/^Accuracy of this run/ { on = 1; next } on && $1 == s { print; exit }' <<<"$out")
  read -r _ _ graded correct accuracy <<<"${line:-x x - - -}"
  rows+=("| $label | $graded | $correct | $accuracy | $((SECONDS - start))s |")
  echo "   graded $graded, correct $correct, accuracy $accuracy ($((SECONDS - start))s)" >&2
done

(( was_running )) || "$REPO/scripts/run.sh" --stop >/dev/null 2>&1 || true
printf '| subject | n graded | correct | first-attempt accuracy | wall time |\n|---|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
