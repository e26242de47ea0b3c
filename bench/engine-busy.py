"""Where an engine's time went, from a llama-server log (<ITERA_HOME>/model-server/engine/<model>.log):
 per window, the share of time with at least one request in a slot, the mean number of requests
 in slots, the tokens generated and evaluated per second, and the requests that ended.
A request is in its slot from its launch to its release. Requests cancelled before the end (a
client gone, or a reply model-server cut where it fell into a loop) print no timing: they count
in the slots and as "cut", with the tokens their slot held at release (prompt and generated).
Usage: engine-busy.py LOG [WINDOW_SECONDS=300]
"""
import re, sys
win = int(sys.argv[2]) if len(sys.argv) > 2 else 300
STAMP = r'(\d+)\.(\d+)\.(\d+)\.(\d+) '
launch, timing, ev = {}, {}, []   # ev: (start, end, prompt tokens, generated tokens, cut, held tokens)
cancelled = set()
for l in open(sys.argv[1]):
    m = re.match(STAMP + r'(.*)', l)
    if not m: continue
    t = int(m.group(1)) * 60 + int(m.group(2)) + int(m.group(3)) / 1000
    rest = m.group(5)
    if (x := re.search(r'launch_slot_: id\s+\d+ \| task (\d+) ', rest)):
        launch[x.group(1)] = t
    elif (x := re.search(r'print_timing: id\s+\d+ \| task (\d+) \|\s+(prompt eval|eval) time =\s+[\d.]+ ms /\s+(\d+) tokens', rest)):
        timing.setdefault(x.group(1), {})[x.group(2)] = int(x.group(3))
    elif (x := re.search(r'cancel task, id_task = (\d+)', rest)):
        cancelled.add(x.group(1))
    elif (x := re.search(r'release: id\s+\d+ \| task (\d+) \| stop processing: n_tokens = (\d+)', rest)):
        key = x.group(1)
        if key not in launch: continue
        done = timing.pop(key, {})
        cut = key in cancelled and 'eval' not in done
        ev.append((launch.pop(key), t, done.get('prompt eval', 0), done.get('eval', 0), cut, int(x.group(2))))
ev.sort()
t0, t1 = ev[0][0], max(e[1] for e in ev)
w = t0
while w < t1:
    e = w + win
    segs = sorted((max(a, w), min(b, e)) for a, b, *_ in ev if b > w and a < e)
    cov, last = 0.0, w
    for a, b in segs:
        if b > last: cov += b - max(a, last); last = b
    occ = sum(b - a for a, b in segs)
    ended = [x for x in ev if w <= x[1] < e]
    gen, pr = sum(x[3] for x in ended), sum(x[2] for x in ended)
    print(f"{(w-t0)/60:5.1f}-{(e-t0)/60:5.1f} min: busy {cov/win:4.0%}, in slots {occ/win:4.2f}, "
          f"generated {gen/win:5.1f}/s, prompt {pr/win:5.1f}/s, requests {len(ended)} ({sum(x[4] for x in ended)} cut)")
    w = e
cut = [x for x in ev if x[4]]
print(f"total {len(ev)} requests over {(t1-t0)/60:.1f} min: {len(ev) - len(cut)} ran to their end, "
      f"{sum(x[3] for x in ev)} generated and {sum(x[2] for x in ev)} prompt tokens; "
      f"{len(cut)} cut, holding {sum(x[5] for x in cut)} tokens at release")
