"""The benchmark's reference: a plain hand-written PEFT LoRA loop on the same model, LoRA
configuration, data, batch order, batch size and number of steps as the trainer, with the
standard transformers loss (logits at every position). Prints one JSON line with its rate
over steps 2..N (step 1 warms up)."""

from __future__ import annotations

import argparse
import json
import resource
import time

import torch
from peft import LoraConfig, get_peft_model

from itera_trainer import data
from itera_trainer.llama_gguf import load_llama
from itera_trainer.tokenizer import adds_bos, tokenizer_from_gguf
from itera_trainer.training import LORA_TARGETS, collate, epoch_batches


def batches(n_examples, batch_size, seed):
    epoch = 1
    while True:
        yield from epoch_batches(n_examples, batch_size, seed, epoch)
        epoch += 1


def main():
    p = argparse.ArgumentParser()
    for name in ("--base-gguf", "--train-file"):
        p.add_argument(name, required=True)
    for name, default in (("--steps", 8), ("--batch-size", 4), ("--seed", 42), ("--lora-r", 8),
                          ("--lora-alpha", 16), ("--threads", 2)):
        p.add_argument(name, type=int, default=default)
    p.add_argument("--learning-rate", type=float, default=2e-4)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    model, base = load_llama(a.base_gguf)
    tok = tokenizer_from_gguf(base)
    examples = [data.encode(tok, c, adds_bos(base), 1024) for c in data.load_conversations(a.train_file)]
    model = get_peft_model(model, LoraConfig(r=a.lora_r, lora_alpha=a.lora_alpha, lora_dropout=0.0,
                                             target_modules=LORA_TARGETS, task_type="CAUSAL_LM"))
    model.train()
    optimizer = torch.optim.AdamW([q for q in model.parameters() if q.requires_grad],
                                  lr=a.learning_rate, weight_decay=0.0)
    order = batches(len(examples), a.batch_size, a.seed)
    tokens, start = 0, None
    for step in range(1, a.steps + 1):
        batch = collate([examples[i] for i in next(order)], tok.pad_token_id)
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        if step == 1:
            start = time.monotonic()
        else:
            tokens += int(batch["attention_mask"].sum())
    seconds = time.monotonic() - start
    print(json.dumps({"steps": a.steps - 1, "tokens": tokens, "seconds": round(seconds, 3),
                      "tokens_per_second": round(tokens / seconds, 2),
                      "steps_per_second": round((a.steps - 1) / seconds, 4),
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))


if __name__ == "__main__":
    main()
