"""Which processes use the cores while a run goes on: samples every process's CPU time
(/proc/<pid>/stat, user + system) every INTERVAL seconds, names each by its command line (the
engine, model-server, each service, the broker, the store, the run watcher, Maven, the trainer,
...), and prints, per window of WINDOW seconds and for the whole run, each name's share of ONE
core (100% = one core busy all the time) and the machine's idle share. Stops when the file STOP
exists or after MAX seconds.
Usage: proc-cpu.py [INTERVAL=5] [WINDOW=60] [MAX=7200] [STOP=/tmp/proc-cpu.stop] > cpu.txt
"""
import os, sys, time

INTERVAL = float(sys.argv[1]) if len(sys.argv) > 1 else 5
WINDOW = float(sys.argv[2]) if len(sys.argv) > 2 else 60
MAX = float(sys.argv[3]) if len(sys.argv) > 3 else 7200
STOP = sys.argv[4] if len(sys.argv) > 4 else "/tmp/proc-cpu.stop"
TICK = os.sysconf("SC_CLK_TCK")
NAMES = [("itera_trainer", "trainer"), ("llama-server", "engine"), ("model-server", "model-server"), ("generator-service", "generator"),
         ("filter-service", "filter"), ("feedback-service", "feedback"), ("finetune-service", "finetune"),
         ("kafka.Kafka", "kafka"), ("org.itera.devstore", "store"), ("itera-devstore", "store"),
         ("RunWatcher", "run-watcher"), ("RoundDriver", "round-driver"), ("ConsumerGroupCommand", "kafka-tool"),
         ("maven", "maven"), ("surefire", "maven"), ("proc-cpu.py", "sampler")]


def name_of(pid):
    try:
        cmd = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    for needle, name in NAMES:
        if needle in cmd:
            return name
    return "other:" + os.path.basename(cmd.split(" ")[0])[:20] if cmd else None


def sample():
    ticks = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks[pid] = int(fields[11]) + int(fields[12])
    cpu = open("/proc/stat").readline().split()[1:]
    return ticks, int(cpu[3]) + int(cpu[4])  # idle + iowait, in ticks of all cores


def main():
    names, totals, window, start = {}, {}, {}, time.time()
    prev, prev_idle = sample()
    win_start, cores = start, os.cpu_count()
    while time.time() - start < MAX and not os.path.exists(STOP):
        time.sleep(INTERVAL)
        now, idle = sample()
        for pid, t in now.items():
            if pid not in names:
                names[pid] = name_of(pid)
            delta = t - prev.get(pid, t if pid in prev else 0)
            if delta > 0 and names[pid]:
                window[names[pid]] = window.get(names[pid], 0) + delta
        window["(idle)"] = window.get("(idle)", 0) + idle - prev_idle
        prev, prev_idle = now, idle
        if time.time() - win_start >= WINDOW:
            report(window, time.time() - win_start, f"{time.strftime('%H:%M:%S')} last {time.time() - win_start:.0f}s")
            for k, v in window.items():
                totals[k] = totals.get(k, 0) + v
            window, win_start = {}, time.time()
    for k, v in window.items():
        totals[k] = totals.get(k, 0) + v
    report(totals, time.time() - start, f"whole run, {time.time() - start:.0f}s, {cores} cores")


def report(ticks, seconds, title):
    parts = sorted(((v / TICK / seconds * 100, k) for k, v in ticks.items()), reverse=True)
    print(title + ": " + ", ".join(f"{k} {p:.0f}%" for p, k in parts if p >= 0.5), flush=True)


if __name__ == "__main__":
    main()
