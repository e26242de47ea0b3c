"""The LoRA training loop: deterministic batches, loss on labelled positions only, linear
learning-rate decay, then the adapters merged into the base weights."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import torch
from peft import LoraConfig, get_peft_model
from transformers import LlamaForCausalLM

from itera_trainer.data import IGNORE, Example

LORA_TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


@dataclass
class TrainSettings:
    epochs: int = 3
    learning_rate: float = 2e-4
    batch_size: int = 4
    seed: int = 42
    max_steps: int = 0
    lora_r: int = 8
    lora_alpha: int = 16
    max_grad_norm: float = 1.0


@dataclass
class StepReport:
    step: int
    total_steps: int
    epoch: int
    loss: float
    learning_rate: float
    tokens: int


def steps_per_epoch(n_examples: int, batch_size: int) -> int:
    return math.ceil(n_examples / batch_size)


def total_steps(n_examples: int, s: TrainSettings) -> int:
    steps = s.epochs * steps_per_epoch(n_examples, s.batch_size)
    return min(steps, s.max_steps) if s.max_steps > 0 else steps


def epoch_batches(n_examples: int, batch_size: int, seed: int, epoch: int) -> list[list[int]]:
    """A seeded shuffle of the examples for one epoch, cut into batches."""
    g = torch.Generator().manual_seed(seed * 1000 + epoch)
    order = torch.randperm(n_examples, generator=g).tolist()
    return [order[i:i + batch_size] for i in range(0, n_examples, batch_size)]


def collate(batch: list[Example], pad_id: int) -> dict[str, torch.Tensor]:
    """Right-padded input ids, attention mask and labels (IGNORE on padding)."""
    width = max(len(e.input_ids) for e in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, e in enumerate(batch):
        n = len(e.input_ids)
        ids[row, :n] = torch.tensor(e.input_ids)
        labels[row, :n] = torch.tensor(e.labels)
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def add_lora(model: LlamaForCausalLM, s: TrainSettings):
    config = LoraConfig(r=s.lora_r, lora_alpha=s.lora_alpha, lora_dropout=0.0,
                        target_modules=LORA_TARGETS, bias="none", task_type="CAUSAL_LM")
    return get_peft_model(model, config)


def labelled_loss(llama: LlamaForCausalLM, batch: dict[str, torch.Tensor]) -> torch.Tensor:
    """Mean next-token cross-entropy over the labelled positions of a padded batch."""
    total, count = labelled_loss_sum(llama, batch)
    return total / count if count else total


def labelled_loss_sum(llama: LlamaForCausalLM, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, int]:
    """Summed next-token cross-entropy over the labelled positions, and their number. The output
    projection (vocabulary-wide) is computed only where a label is, not at every position."""
    hidden = llama.model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"],
                         use_cache=False).last_hidden_state
    targets = batch["labels"][:, 1:]
    keep = targets != IGNORE
    if not keep.any():
        return hidden.sum() * 0.0, 0
    logits = llama.lm_head(hidden[:, :-1][keep])
    return torch.nn.functional.cross_entropy(logits.float(), targets[keep], reduction="sum"), int(keep.sum())


def labelled_count(example: Example) -> int:
    """Positions of an example whose next token is trained on."""
    return sum(1 for label in example.labels[1:] if label != IGNORE)


def train(model: LlamaForCausalLM, examples: list[Example], s: TrainSettings, pad_id: int,
          on_step: Callable[[StepReport], None]) -> LlamaForCausalLM:
    """Trains LoRA adapters on `model` and returns the model with them merged in."""
    torch.manual_seed(s.seed)
    peft_model = add_lora(model, s)
    llama = peft_model.base_model.model
    params = [p for p in peft_model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=s.learning_rate, weight_decay=0.0)
    total = total_steps(len(examples), s)
    peft_model.train()
    step, tokens = 0, 0
    for epoch in range(1, s.epochs + 1):
        for indices in epoch_batches(len(examples), s.batch_size, s.seed, epoch):
            if step >= total:
                break
            step += 1
            lr = s.learning_rate * (total - step + 1) / total
            batch = [examples[i] for i in indices]
            loss = _optimizer_step(llama, batch, pad_id, params, optimizer, lr, s.max_grad_norm)
            tokens += sum(len(e.input_ids) for e in batch)
            on_step(StepReport(step, total, epoch, loss, lr, tokens))
    peft_model.eval()
    return peft_model.merge_and_unload()


# What one more forward and backward pass costs, in padded positions (2 threads: four passes of
# 48-token examples take about as long as one padded pass of the four plus 3 x 32 positions).
PASS_COST = 32


def passes(batch: list[Example]) -> list[list[Example]]:
    """The batch cut into groups of similar length, each computed as one padded pass: of every way
    to cut the examples sorted by length into runs, the one with the fewest padded positions plus
    PASS_COST per pass. Short examples of one length stay one pass; a round's mixed lengths split."""
    items = sorted(batch, key=lambda e: len(e.input_ids))
    best = [(0, 0)] + [(math.inf, 0)] * len(items)   # best[j]: (cost of items[:j], start of its last run)
    for end in range(1, len(items) + 1):
        width = len(items[end - 1].input_ids)
        best[end] = min((best[start][0] + width * (end - start) + PASS_COST, start) for start in range(end))
    groups, end = [], len(items)
    while end > 0:
        start = best[end][1]
        groups.insert(0, items[start:end])
        end = start
    return groups


def _optimizer_step(llama, batch: list[Example], pad_id: int, params, optimizer, lr, max_grad_norm) -> float:
    """One step on the batch's mean loss over its labelled positions. The gradient is accumulated
    over passes of similar-length examples (each pass's summed loss over the batch's labelled
    count): the same gradient as the padded batch's, without computing most of its padding, which
    in a round's batches of replies of mixed lengths is a third of the positions and more
    (docs/benchmarks.md)."""
    for group in optimizer.param_groups:
        group["lr"] = lr
    optimizer.zero_grad(set_to_none=True)
    count = sum(labelled_count(e) for e in batch)
    loss = 0.0
    if count == 0:  # as a padded batch with no label would: zero gradients, the optimizer still steps
        for p in params:
            p.grad = torch.zeros_like(p)
    else:
        for group in passes([e for e in batch if labelled_count(e) > 0]):
            total, _ = labelled_loss_sum(llama, collate(group, pad_id))
            part = total / count
            part.backward()
            loss += float(part.detach())
    torch.nn.utils.clip_grad_norm_(params, max_grad_norm)
    optimizer.step()
    return loss
