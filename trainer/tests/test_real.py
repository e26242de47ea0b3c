"""The real model (SmolLM2-135M-Instruct Q4_1): a short training run through the CLI with
reference generations, checked against the same training done in this process. Runs only
with `pytest -m real` and when the model file exists (scripts/fetch-model.sh)."""

import json
import os
import subprocess
import sys

import pytest
import torch

from itera_trainer import data, reference
from itera_trainer.llama_gguf import load_llama
from itera_trainer.tokenizer import adds_bos, tokenizer_from_gguf
from itera_trainer.training import TrainSettings, train

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
import arithmetic  # noqa: E402

MODEL = os.path.join(os.environ.get("ITERA_MODELS_DIR", os.path.expanduser("~/.cache/itera/models")),
                     "SmolLM2-135M-Instruct.Q4_1.gguf")
STEPS, THREADS, SEED = 3, 2, 42

pytestmark = [pytest.mark.real,
              pytest.mark.skipif(not os.path.exists(MODEL), reason=f"{MODEL} is absent")]


def prompts():
    return [{"messages": c["messages"][:2], "max_tokens": 16} for c in arithmetic.examples(3, seed=99)]


def test_exported_gguf_generates_like_the_merged_model(tmp_path):
    train_file = tmp_path / "train.jsonl"
    arithmetic.write_jsonl(str(train_file), arithmetic.examples(8))
    prompt_file = tmp_path / "prompts.jsonl"
    arithmetic.write_jsonl(str(prompt_file), prompts())
    out, ref = tmp_path / "ft.gguf", tmp_path / "ref.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "itera_trainer", "train", "--base-gguf", MODEL,
         "--train-file", str(train_file), "--output-gguf", str(out), "--outtype", "f16",
         "--max-steps", str(STEPS), "--threads", str(THREADS), "--seed", str(SEED),
         "--reference-prompts", str(prompt_file), "--reference-out", str(ref)],
        capture_output=True, text=True, timeout=3600,
        env=dict(os.environ, PYTHONPATH=os.path.join(HERE, "..", "src")))
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout.splitlines()[-1])["event"] == "succeeded"
    exported = [json.loads(line) for line in ref.read_text().splitlines()]

    torch.set_num_threads(THREADS)
    model, base = load_llama(MODEL)
    tok = tokenizer_from_gguf(base)
    examples = [data.encode(tok, c, adds_bos(base), 1024) for c in data.load_conversations(str(train_file))]
    merged = train(model, examples, TrainSettings(seed=SEED, max_steps=STEPS), tok.pad_token_id,
                   lambda r: None)
    in_memory = [reference.greedy(merged, tok, p, adds_bos(base)) for p in prompts()]
    for got, want in zip(exported, in_memory):
        assert got["prompt_tokens"] == want["prompt_tokens"]
        assert got["tokens"] == want["tokens"], (got["text"], want["text"])
    assert any(r["text"].strip() for r in exported)
