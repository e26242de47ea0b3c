"""Runs the trainer CLI, timestamps its events and prints one JSON line with its rate over
steps 2..N (step 1 warms up), the same measure as reference_loop.py, plus its peak RSS."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time


def main(argv):
    proc = subprocess.Popen([sys.executable, "-m", "itera_trainer", "train", *argv],
                            stdout=subprocess.PIPE, text=True)
    steps, last = [], None
    for line in proc.stdout:
        event = json.loads(line)
        if event["event"] == "step":
            steps.append((time.monotonic(), event["tokens"]))
        last = event
    if proc.wait() != 0 or last["event"] != "succeeded" or len(steps) < 2:
        sys.exit(f"trainer failed: {last}")
    (t1, k1), (tn, kn) = steps[0], steps[-1]
    print(json.dumps({"steps": len(steps) - 1, "tokens": kn - k1, "seconds": round(tn - t1, 3),
                      "tokens_per_second": round((kn - k1) / (tn - t1), 2),
                      "steps_per_second": round((len(steps) - 1) / (tn - t1), 4),
                      "total_seconds": last["seconds"],
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}))


if __name__ == "__main__":
    main(sys.argv[1:])
