"""The JSON event stream on stdout. Everything else the process prints goes to stderr:
`redirect_stdout()` moves file descriptor 1 to stderr and keeps a private handle on the
original stdout for events, so no library can write stray text into the stream."""

from __future__ import annotations

import json
import os
import sys

_stream = None


def redirect_stdout() -> None:
    global _stream
    if _stream is not None:
        return
    sys.stdout.flush()
    _stream = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr


def emit(event: str, **fields) -> None:
    stream = _stream if _stream is not None else sys.stdout
    stream.write(json.dumps({"event": event, **fields}, ensure_ascii=False) + "\n")
    stream.flush()


def log(message: str) -> None:
    print(f"[itera-trainer] {message}", file=sys.stderr, flush=True)
