#!/usr/bin/env bash
# Creates (or brings up to date) the Python virtualenv of the trainer that model-server runs
# for local fine-tuning: the pinned requirements of trainer/requirements.txt plus the
# itera_trainer package from trainer/. Idempotent: the requirements are reinstalled only when
# requirements.txt or the Python version changed, the package only when its sources changed.
#
#   scripts/setup-trainer.sh        (env: ITERA_TRAINER_VENV, default ~/.cache/itera/trainer-venv;
#                                    PYTHON, default python3)
# Prints the venv's python on the last line of stdout; the trainer runs as
#   <venv>/bin/python -m itera_trainer train ...
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRAINER=$REPO/trainer
VENV=${ITERA_TRAINER_VENV:-$HOME/.cache/itera/trainer-venv}
PYTHON=${PYTHON:-python3}

log() { echo "setup-trainer: $*" >&2; }

command -v "$PYTHON" >/dev/null || { log "$PYTHON not found (Python 3.10+ is needed)"; exit 1; }
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || { log "$("$PYTHON" --version) is too old (3.10+ is needed)"; exit 1; }

hash_of() { sha256sum | cut -c1-64; }
req_hash=$({ "$PYTHON" --version; cat "$TRAINER/requirements.txt"; } | hash_of)
pkg_hash=$(cd "$TRAINER" && find pyproject.toml src -type f -not -path '*/__pycache__/*' \
             -not -name '*.pyc' | LC_ALL=C sort | xargs sha256sum | hash_of)

mkdir -p "$(dirname "$VENV")"
exec 9>"$VENV.lock"
flock 9   # one setup at a time (parallel builds share the venv)

if [ "$(cat "$VENV/.itera-requirements" 2>/dev/null)" != "$req_hash" ]; then
  log "creating $VENV (torch and its CUDA wheels: about 5 GB, a few minutes)"
  start=$(date +%s)
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$TRAINER/requirements.txt"
  echo "$req_hash" > "$VENV/.itera-requirements"
  rm -f "$VENV/.itera-package"
  log "requirements installed in $(( $(date +%s) - start ))s"
else
  log "requirements up to date in $VENV"
fi

if [ "$(cat "$VENV/.itera-package" 2>/dev/null)" != "$pkg_hash" ]; then
  build=$(mktemp -d)
  trap 'rm -rf "$build"' EXIT
  cp -r "$TRAINER/pyproject.toml" "$TRAINER/src" "$build/"   # build outside the work tree
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps \
    --no-build-isolation --force-reinstall "$build"
  echo "$pkg_hash" > "$VENV/.itera-package"
  log "itera_trainer installed"
else
  log "itera_trainer up to date"
fi

echo "$VENV/bin/python"
