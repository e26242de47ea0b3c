"""Replays a round's request mix on a llama-server and prints what it got through.

Each line of the mix file is one request of a real round, as the engine logged it: the prompt
tokens it evaluated and the tokens it generated. A request here has a prompt of about that many
tokens (numbered filler words, so no two share a prefix beyond a few tokens) and generates exactly
that many (ignore_eos), greedy; CONCURRENCY clients keep that many requests in flight.
Usage: round-mix.py PORT CONCURRENCY MIX_FILE [LIMIT]
"""
import json
import random
import sys
import threading
import time
import urllib.request

WORDS = "the cat sat on a mat while seven birds sang about numbers and apples in warm red light".split()


def requests(mix_file, limit):
    rows = [json.loads(line) for line in open(mix_file) if line.strip()][:limit]
    rnd = random.Random(7)
    return [(f"Request {i}. " + " ".join(rnd.choice(WORDS) for _ in range(max(1, r["prompt"] - 6))), r["generated"])
            for i, r in enumerate(rows)]


def main():
    port, concurrency, mix_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    todo = requests(mix_file, int(sys.argv[4]) if len(sys.argv) > 4 else 10**9)
    lock, totals, queue = threading.Lock(), {"generated": 0, "prompt": 0}, list(reversed(todo))

    def client():
        while True:
            with lock:
                if not queue:
                    return
                prompt, n = queue.pop()
            body = json.dumps({"prompt": prompt, "n_predict": n, "ignore_eos": True, "temperature": 0,
                               "cache_prompt": True}).encode()
            req = urllib.request.Request(f"http://127.0.0.1:{port}/completion", body,
                                         {"Content-Type": "application/json"})
            timings = json.load(urllib.request.urlopen(req, timeout=900))["timings"]
            with lock:
                totals["generated"] += timings["predicted_n"]
                totals["prompt"] += timings["prompt_n"]

    start = time.monotonic()
    clients = [threading.Thread(target=client) for _ in range(concurrency)]
    for c in clients:
        c.start()
    for c in clients:
        c.join()
    seconds = time.monotonic() - start
    print(json.dumps({"concurrency": concurrency, "requests": len(todo), "seconds": round(seconds, 1),
                      "generated": totals["generated"], "prompt": totals["prompt"],
                      "generated_per_s": round(totals["generated"] / seconds, 1),
                      "tokens_per_s": round((totals["generated"] + totals["prompt"]) / seconds, 1)}))


if __name__ == "__main__":
    main()
