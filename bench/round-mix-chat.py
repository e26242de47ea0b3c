"""Replays a round mix (bench/round-mix.jsonl) as chat requests on an OpenAI-compatible endpoint, CONCURRENCY
at a time, greedy, max_tokens = the tokens the real request generated; prints wall time and tokens/s.
Usage: round-mix-chat.py BASE_URL MODEL CONCURRENCY MIX LIMIT"""
import json, random, sys, threading, time, urllib.request
WORDS = "the cat sat on a mat while seven birds sang about numbers and apples in warm red light".split()
base, model, conc, mix, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
rows = [json.loads(l) for l in open(mix) if l.strip()][:limit]
rnd = random.Random(7)
todo = [(f"Request {i}. " + " ".join(rnd.choice(WORDS) for _ in range(max(1, r["prompt"] - 20))), r["generated"]) for i, r in enumerate(rows)]
queue = list(reversed(todo)); lock = threading.Lock(); tot = {"gen": 0, "prompt": 0}
def client():
    while True:
        with lock:
            if not queue: return
            p, n = queue.pop()
        body = json.dumps({"model": model, "messages": [{"role": "user", "content": p}], "max_tokens": max(n, 1), "temperature": 0}).encode()
        r = json.load(urllib.request.urlopen(urllib.request.Request(base + "/chat/completions", body, {"Content-Type": "application/json"}), timeout=900))
        with lock:
            tot["gen"] += r["usage"]["completion_tokens"]; tot["prompt"] += r["usage"]["prompt_tokens"]
t = time.monotonic(); th = [threading.Thread(target=client) for _ in range(conc)]
[x.start() for x in th]; [x.join() for x in th]
d = time.monotonic() - t
print(f"{base}: {len(todo)} requests at {conc}: {d:.1f}s, {tot['gen']} generated ({tot['gen']/d:.1f}/s), {tot['prompt']} prompt tokens")
