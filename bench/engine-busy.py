"""Where an engine's time went, from a llama-server log (<ITERA_HOME>/model-server/engine/<model>.log):
 per window, the share of time with at least one request in a slot, the mean number of requests
 in slots, and the tokens generated and evaluated per second.
Usage: engine-busy.py LOG [WINDOW_SECONDS=300]
"""
import re, sys
win = int(sys.argv[2]) if len(sys.argv) > 2 else 300
ev, cur = [], {}
for l in open(sys.argv[1]):
    m = re.match(r'(\d+)\.(\d+)\.(\d+)\.(\d+) I slot print_timing: id\s+(\d+) \| task (\d+) \|\s+(prompt eval|eval) time =\s+([\d.]+) ms /\s+(\d+) tokens', l)
    if not m: continue
    t = int(m.group(1)) * 60 + int(m.group(2)) + int(m.group(3)) / 1000
    key = m.group(6)
    if m.group(7) == 'prompt eval':
        cur[key] = (float(m.group(8)), int(m.group(9)))
    else:
        pms, pn = cur.pop(key, (0.0, 0))
        dur = (pms + float(m.group(8))) / 1000
        ev.append((t - dur, t, pn, int(m.group(9))))
ev.sort()
t0, t1 = ev[0][0], ev[-1][1]
w = t0
while w < t1:
    e = w + win
    segs = sorted((max(a, w), min(b, e)) for a, b, *_ in ev if b > w and a < e)
    cov, last = 0.0, w
    for a, b in segs:
        if b > last: cov += b - max(a, last); last = b
    occ = sum(b - a for a, b in segs)
    gen = sum(g for a, b, p, g in ev if w <= b < e); pr = sum(p for a, b, p, g in ev if w <= b < e)
    print(f"{(w-t0)/60:5.1f}-{(e-t0)/60:5.1f} min: busy {cov/win:4.0%}, in slots {occ/win:4.2f}, "
          f"generated {gen/win:5.1f}/s, prompt {pr/win:5.1f}/s, requests {sum(1 for x in ev if w <= x[1] < e)}")
    w = e
print(f"total {len(ev)} requests, {sum(x[3] for x in ev)} generated, {sum(x[2] for x in ev)} prompt tokens over {(t1-t0)/60:.1f} min")
