"""The end of standard input stops the trainer (model-server gone), without torch: the CLI's own
main() runs with a stand-in for the training job that only waits."""

import os
import subprocess
import sys
import time

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")

# cli.main() as `python -m itera_trainer train ...` runs it, its job a 60 s wait
MAIN_WITH_A_WAITING_JOB = """
import sys, time, types
job = types.ModuleType("itera_trainer.job")
job.run = lambda args: time.sleep(60)
sys.modules["itera_trainer.job"] = job
from itera_trainer.cli import main
sys.exit(main(["train", "--base-gguf", "b.gguf", "--train-file", "t.jsonl", "--output-gguf", "o.gguf"]))
"""


def start(code, watch, **env):
    variables = dict(os.environ, PYTHONPATH=os.path.abspath(SRC), **env)
    variables.pop("ITERA_TRAINER_WATCH_STDIN", None)
    if watch:
        variables["ITERA_TRAINER_WATCH_STDIN"] = "1"
    return subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=variables)


def stays_up(proc, seconds=1.5):
    time.sleep(seconds)
    return proc.poll() is None


def test_the_end_of_stdin_stops_the_trainer_as_sigterm_does():
    proc = start(MAIN_WITH_A_WAITING_JOB, watch=True)
    try:
        assert stays_up(proc), proc.stderr.read().decode()
        closed = time.monotonic()
        proc.stdin.close()
        assert proc.wait(timeout=10) == 143
        assert time.monotonic() - closed < 5
        stderr = proc.stderr.read().decode()
        assert "standard input closed: model-server is gone; stopping" in stderr
        assert "cancelled by SIGTERM" in stderr
        assert proc.stdout.read() == b""  # no event: a stopped job reports nothing
    finally:
        proc.kill()
        proc.wait()


def test_without_the_variable_stdin_is_not_watched():
    proc = start(MAIN_WITH_A_WAITING_JOB, watch=False)
    try:
        proc.stdin.close()  # as for a trainer run by hand with stdin at /dev/null
        assert stays_up(proc), proc.stderr.read().decode()
    finally:
        proc.kill()
        proc.wait()


def test_a_trainer_that_ignores_sigterm_is_ended_after_the_grace():
    code = """
import signal, time
import itera_trainer.parent as parent
parent.GRACE_SECONDS = 0.5
signal.signal(signal.SIGTERM, signal.SIG_IGN)
parent.watch_stdin_if_asked()
time.sleep(60)
"""
    proc = start(code, watch=True)
    try:
        assert stays_up(proc, 0.5)
        proc.stdin.close()
        assert proc.wait(timeout=10) == 143
        assert "still running 0.5s after SIGTERM; exiting" in proc.stderr.read().decode()
    finally:
        proc.kill()
        proc.wait()
