# shellcheck shell=bash
# One self-improvement round for scripts/run.sh --round: the finetune-service evaluates the team
# as it is (the "before"), the train tasks build the library, the finetune-service fine-tunes
# every agent with enough new examples through the OpenAI fine-tuning API (the local model-server
# offline), the generator swaps in the new models, and the same test tasks are evaluated again
# (the "after"). Needs common.sh, services.sh and the run's variables (REPO, ITERA_HOME, JAVA,
# SETTING, SUBJECT, DIFFICULTY, FILE, TEST_FILE, TEST_LIMIT, LIMIT, OFFSET, TIMEOUT, OFFLINE, STARTED).
# Meant to be sourced, not run.
#
# Environment (given to finetune-service): ITERA_FINETUNE_THRESHOLD (examples an agent needs for a
# job: 10, OpenAI's minimum; offline 3, as model-server has no minimum and an actor-critic critic
# gets only a few examples from 60 tasks), ITERA_FINETUNE_MIN_EXAMPLES (a training file's minimum:
# 10, offline the threshold), ITERA_FINETUNE_EPOCHS (offline 5, else 3), ITERA_FINETUNE_LR_MULTIPLIER
# (offline 5, else unset: the API's choice), ITERA_FINETUNE_BATCH_SIZE (unset),
# ITERA_FINETUNE_MODE (from-base), ITERA_FINETUNE_BASE_MODEL (the run's ITERA_LLM_MODEL). The test
# set is not a setting: each evaluation request names it (file, limit, and a run id of its own).

ROUND_BEFORE=""      # the round evaluated as "before": the latest finished round, 0 for the base models
ROUND_TEST_FILE=""   # the test tasks every evaluation of this run requests
REPAIRS_PAUSED=0

# round_state_file: where the next round's first train row is kept, per data set (the generated
# arithmetic tasks of a difficulty, or a subject's file). Called before the arithmetic tasks are
# generated, while FILE is still empty for them.
round_state_file() {
  local key
  key="$SUBJECT-$(basename "${FILE:-$DIFFICULTY}" .jsonl)"
  [[ -z "$FILE" || "$FILE" == "$ITERA_HOME/data/arithmetic-"* ]] && key="arithmetic-$DIFFICULTY"
  # generated games: one sequence of train seeds per game
  [[ "$SETTING" == competitive && ( -z "$FILE" || "$FILE" == "$ITERA_HOME/data/games/"* ) ]] && key="$SUBJECT-games"
  # each setting trains on its own rows; problem solving keeps the file name it always had
  [[ "$SETTING" == problem-solving ]] || key="$SETTING-$key"
  printf '%s' "$ITERA_HOME/state/round-offset-$key"
}

# round_pick_offset: without --offset, a round trains on the rows after the ones earlier rounds used.
round_pick_offset() {
  [[ -n "${OFFSET_GIVEN:-}" ]] && return 0
  local file
  file=$(round_state_file)
  if [[ -f "$file" ]]; then
    OFFSET=$(<"$file")
    info "round: earlier rounds used the train rows before $OFFSET; this one starts there (--offset overrides)"
  fi
}

round_save_offset() {
  local file
  file=$(round_state_file)
  mkdir -p "$(dirname "$file")"
  printf '%s\n' $((OFFSET + LIMIT)) >"$file"
}

# round_test_file: the test tasks the finetune-service evaluates: the generated arithmetic test
# split, else the last TEST_LIMIT rows of FILE (never a train row: the train rows must end before).
round_test_file() {
  if [[ -n "$TEST_FILE" ]]; then
    printf '%s' "$TEST_FILE"
    return 0
  fi
  local rows out="$ITERA_HOME/data/$SUBJECT-round-test.jsonl"
  # shellcheck disable=SC2153 # FILE is the run's dataset file
  rows=$(grep -c '[^[:space:]]' "$FILE" || true)
  (( OFFSET + LIMIT <= rows - TEST_LIMIT )) \
    || die "$FILE has $rows rows: the train rows $OFFSET..$((OFFSET + LIMIT - 1)) would reach the last $TEST_LIMIT, which are the test split"
  mkdir -p "$ITERA_HOME/data"
  grep '[^[:space:]]' "$FILE" | tail -n "$TEST_LIMIT" >"$out"
  printf '%s' "$out"
}

# round_configure: the finetune-service's settings for this run.
round_configure() {
  export ITERA_FINETUNE_AUTO=false
  # offline, finetune-service's `offline` profile has the local round's settings (threshold 3,
  # 5 epochs at 5x model-server's base rate, polls every 10 s at most: docs/results.md)
  if (( ! OFFLINE )); then
    export ITERA_FINETUNE_THRESHOLD=${ITERA_FINETUNE_THRESHOLD:-10}
    export ITERA_FINETUNE_EPOCHS=${ITERA_FINETUNE_EPOCHS:-3}
    export ITERA_FINETUNE_BASE_MODEL=${ITERA_FINETUNE_BASE_MODEL:-$ITERA_LLM_MODEL}
  fi
  # the test set goes with each evaluation request (round_driver evaluate --file ... --limit ...)
  ROUND_TEST_FILE=$(round_test_file)
}

# round_setup_trainer: offline, the local trainer's virtual environment (idempotent).
round_setup_trainer() {
  (( OFFLINE )) || return 0
  "$REPO/scripts/setup-trainer.sh" || die "could not set up the local trainer (scripts/setup-trainer.sh)"
}

round_start_service() {
  service_running "$FINETUNE" >/dev/null || STARTED+=("$FINETUNE")
  service_start "$FINETUNE"
}

# round_driver ARGS...: the round driver of itera-cli against this run's finetune-service.
round_driver() {
  local jar
  jar=$(cli_jar) || die "no itera-cli jar in $CLI_TARGET"
  "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$jar:$CLI_TARGET/lib/*" org.itera.cli.round.RoundDriver "$1" \
    --finetune "$(service_url "$FINETUNE")" --subject "$SUBJECT" --setting "$SETTING" --timeout "$TIMEOUT" "${@:2}"
}

# round_latest_done: the highest round whose training finished, 0 when none did.
round_latest_done() {
  round_driver latest || die "could not read the rounds from $(service_url "$FINETUNE")/rounds"
}

# round_before RUN_DIR: evaluates the team as it is now (reusing an earlier evaluation of it).
round_before() {
  ROUND_BEFORE=$(round_latest_done)
  info "round: evaluating the team as it is (round $ROUND_BEFORE) on $TEST_LIMIT test tasks"
  round_driver evaluate --round "$ROUND_BEFORE" --reuse --file "$ROUND_TEST_FILE" --limit "$TEST_LIMIT" \
    --run "$RUN_ID.before" | tee "$1/evaluation-before.txt" \
    || die "the evaluation of round $ROUND_BEFORE failed (finetune-service log: $(service_log "$FINETUNE"))"
}

# round_after RUN_DIR: trains, evaluates the new models and prints before/after.
round_after() {
  local dir=$1 rc=0 after
  info "round: fine-tuning every agent with at least $ITERA_FINETUNE_THRESHOLD new examples"
  round_driver train --run "$RUN_ID" | tee "$dir/round.txt" || rc=$?
  if (( rc == 3 )); then
    warn "no agent had enough new examples for a round; run again with a larger --limit"
    return 0
  fi
  (( rc == 0 )) || die "the fine-tuning round failed (finetune-service log: $(service_log "$FINETUNE"))"
  after=$(sed -n 's/^round=\([0-9][0-9]*\)$/\1/p' "$dir/round.txt" | tail -n 1)
  [[ -n "$after" ]] || die "the round driver did not say which round it ran"
  info "round: evaluating round $after on the same $TEST_LIMIT test tasks"
  round_driver evaluate --round "$after" --file "$ROUND_TEST_FILE" --limit "$TEST_LIMIT" --run "$RUN_ID.after" \
    | tee "$dir/evaluation-after.txt" \
    || die "the evaluation of round $after failed (finetune-service log: $(service_log "$FINETUNE"))"
  printf '\n' | tee -a "$dir/summary.txt"
  round_driver report --before "$ROUND_BEFORE" --after "$after" | tee -a "$dir/summary.txt"
}

# round_pause_repairs: offline, repairs still running when the window closes would share the two
# cores with the trainer and the evaluation (with two repairs at work a training step took 70 s
# instead of 16-20), so the repair loop is paused for the rest of the round (feedback-service's
# POST /repairs/pause: repairs in flight finish, the others wait on `failures`, nothing is lost).
round_pause_repairs() {
  (( OFFLINE )) || return 0
  info "round: pausing the repair loop while the local model trains and is evaluated (what is left waits on 'failures')"
  curl -sf -o /dev/null -X POST --max-time 10 "$(service_url feedback-service)/repairs/pause" \
    || warn "could not pause the repair loop (feedback-service log: $(service_log feedback-service))"
  REPAIRS_PAUSED=1
}

# round_resume_repairs: resumes the repair loop paused by round_pause_repairs.
round_resume_repairs() {
  (( REPAIRS_PAUSED )) || return 0
  REPAIRS_PAUSED=0
  info "round: resuming the repair loop"
  curl -sf -o /dev/null -X POST --max-time 10 "$(service_url feedback-service)/repairs/resume" \
    || warn "could not resume the repair loop: POST $(service_url feedback-service)/repairs/resume"
}
