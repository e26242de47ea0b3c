import json
import os
import signal
import subprocess
import sys
import time

from gguf import GGUFReader

from conftest import toy_conversations

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def train_file(tmp_path, n=4):
    convs = toy_conversations()
    return write_jsonl(tmp_path / "train.jsonl", [{"messages": convs[i % len(convs)]} for i in range(n)])


def command(base, train, out, *extra):
    return [sys.executable, "-m", "itera_trainer", "train", "--base-gguf", base,
            "--train-file", train, "--output-gguf", out, "--threads", "1", *extra]


def environment():
    return dict(os.environ, PYTHONPATH=os.path.abspath(SRC))


def run(args):
    done = subprocess.run(args, capture_output=True, text=True, env=environment(), timeout=300)
    events = [json.loads(line) for line in done.stdout.splitlines()]
    return done, events


def test_successful_job_emits_the_documented_events(tiny_gguf, tmp_path):
    out = str(tmp_path / "models" / "ft.gguf")
    done, events = run(command(tiny_gguf, train_file(tmp_path, 6), out,
                               "--epochs", "2", "--batch-size", "4", "--outtype", "f16"))
    assert done.returncode == 0, done.stderr
    kinds = [e["event"] for e in events]
    assert kinds == ["started", "step", "step", "step", "step", "exporting", "succeeded"]
    started, steps, succeeded = events[0], events[1:5], events[-1]
    assert started == {"event": "started", "examples": 6, "tokens": started["tokens"],
                       "steps": 4, "epochs": 2}
    assert started["tokens"] > 0
    assert [s["step"] for s in steps] == [1, 2, 3, 4]
    assert [s["epoch"] for s in steps] == [1, 1, 2, 2]
    assert set(steps[0]) == {"event", "step", "total_steps", "epoch", "loss", "learning_rate", "tokens"}
    assert steps[0]["learning_rate"] == 2e-4 and steps[-1]["learning_rate"] < 2e-4
    assert events[5] == {"event": "exporting", "path": out}
    assert succeeded["output"] == out and succeeded["trained_tokens"] == steps[-1]["tokens"]
    assert succeeded["seconds"] > 0
    assert os.listdir(os.path.dirname(out)) == ["ft.gguf"]
    name = GGUFReader(out).fields["general.name"].contents()
    assert "ft" in name and "tiny-test-llama" in name


def test_bad_line_fails_with_invalid_training_file(tiny_gguf, tmp_path):
    path = tmp_path / "train.jsonl"
    good = json.dumps({"messages": toy_conversations()[0]})
    path.write_text(f"{good}\n{good}\n{{\"messages\": \"x\"}}\n", encoding="utf-8")
    out = str(tmp_path / "ft.gguf")
    done, events = run(command(tiny_gguf, str(path), out))
    assert done.returncode == 2
    assert events == [{"event": "failed", "code": "invalid_training_file",
                       "message": "line 3: 'messages' must be a non-empty array"}]
    assert not os.path.exists(out)


def test_missing_or_bad_base_fails_with_invalid_base_model(tmp_path):
    train = train_file(tmp_path)
    not_gguf = tmp_path / "x.gguf"
    not_gguf.write_bytes(b"this is not a gguf file")
    for base in (str(tmp_path / "absent.gguf"), str(not_gguf)):
        done, events = run(command(base, train, str(tmp_path / "ft.gguf")))
        assert done.returncode == 2
        assert [(e["event"], e["code"]) for e in events] == [("failed", "invalid_base_model")]


def test_bad_arguments_fail_with_an_event(tiny_gguf, tmp_path):
    done, events = run(command(tiny_gguf, train_file(tmp_path), str(tmp_path / "o.gguf"),
                               "--outtype", "q4_0"))
    assert done.returncode == 2
    assert events[0]["event"] == "failed" and "--outtype" in events[0]["message"]


def test_sigterm_stops_promptly_without_output(tiny_gguf, tmp_path):
    out = tmp_path / "ft.gguf"
    proc = subprocess.Popen(command(tiny_gguf, train_file(tmp_path, 8), str(out),
                                    "--epochs", "100000"),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=environment())
    try:
        events = [json.loads(proc.stdout.readline()) for _ in range(2)]
        assert [e["event"] for e in events] == ["started", "step"]
        sent = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 128 + signal.SIGTERM
        assert time.monotonic() - sent < 10
    finally:
        proc.kill()
        proc.wait()
    assert os.listdir(tmp_path) == ["train.jsonl"]


def test_the_end_of_stdin_stops_a_watching_trainer_promptly_without_output(tiny_gguf, tmp_path):
    """model-server killed (SIGKILL): the pipe it held as the trainer's stdin ends."""
    out = tmp_path / "ft.gguf"
    proc = subprocess.Popen(command(tiny_gguf, train_file(tmp_path, 8), str(out), "--epochs", "100000"),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=dict(environment(), ITERA_TRAINER_WATCH_STDIN="1"))
    try:
        events = [json.loads(proc.stdout.readline()) for _ in range(2)]
        assert [e["event"] for e in events] == ["started", "step"]
        closed = time.monotonic()
        proc.stdin.close()
        assert proc.wait(timeout=20) == 128 + signal.SIGTERM
        assert time.monotonic() - closed < 10
    finally:
        proc.kill()
        proc.wait()
    assert os.listdir(tmp_path) == ["train.jsonl"]


def test_reference_generations_are_written(tiny_gguf, tmp_path):
    prompts = write_jsonl(tmp_path / "prompts.jsonl", [
        {"messages": [{"role": "user", "content": "is it"}], "max_tokens": 5},
        {"messages": [{"role": "user", "content": "the cat"}]},
    ])
    ref = tmp_path / "ref.jsonl"
    done, events = run(command(tiny_gguf, train_file(tmp_path), str(tmp_path / "ft.gguf"),
                               "--max-steps", "1", "--reference-prompts", prompts,
                               "--reference-out", str(ref)))
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in ref.read_text().splitlines()]
    assert [r["index"] for r in lines] == [0, 1]
    assert lines[0]["stop"] in ("eos", "length")
    assert len(lines[0]["tokens"]) <= 5 and len(lines[1]["tokens"]) <= 32
    assert lines[0]["prompt_tokens"][0] == 1  # <|im_start|>
    assert events[-1]["event"] == "succeeded"
