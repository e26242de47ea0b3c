"""Ending with model-server. model-server keeps the trainer's standard input open while it runs
(a pipe it never writes to) and sets ITERA_TRAINER_WATCH_STDIN; the trainer then reads it and,
at its end (model-server is gone, even killed with SIGKILL), stops as on SIGTERM. Without this an
orphaned trainer went on using the CPU and memory, and writing into the job's directory, which a
restarted model-server uses again for the same job."""

from __future__ import annotations

import os
import signal
import threading
import time

from itera_trainer.events import log

ENV = "ITERA_TRAINER_WATCH_STDIN"
# after SIGTERM, the time the main thread has to stop before the process ends regardless
# (a signal handler runs only between Python bytecodes, not inside a long native call)
GRACE_SECONDS = 30.0


def watch_stdin_if_asked(fd: int = 0) -> bool:
    """Starts the watch when ENV is set; true if it did."""
    if not os.environ.get(ENV):
        return False
    threading.Thread(target=_stop_at_end, args=(fd,), name="stdin-watch", daemon=True).start()
    return True


def _stop_at_end(fd: int) -> None:
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    log("standard input closed: model-server is gone; stopping")
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    log(f"still running {GRACE_SECONDS:g}s after SIGTERM; exiting")
    os._exit(128 + signal.SIGTERM)
