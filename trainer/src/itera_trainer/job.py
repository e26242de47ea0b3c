"""One training job: validate, load, train, merge, export, in the order of the events."""

from __future__ import annotations

import os
import time

import torch

from itera_trainer import data, reference
from itera_trainer.errors import TrainerError
from itera_trainer.events import emit, log
from itera_trainer.llama_gguf import export_llama, load_llama
from itera_trainer.tokenizer import adds_bos, tokenizer_from_gguf
from itera_trainer.training import StepReport, TrainSettings, total_steps, train


def settings_from(args) -> TrainSettings:
    return TrainSettings(epochs=args.epochs, learning_rate=args.learning_rate,
                         batch_size=args.batch_size, seed=args.seed, max_steps=args.max_steps,
                         lora_r=args.lora_r, lora_alpha=args.lora_alpha)


def run(args) -> None:
    started = time.monotonic()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    conversations = data.load_conversations(args.train_file)
    prompts = reference.load_prompts(args.reference_prompts) if args.reference_prompts else None
    log(f"{len(conversations)} examples; loading {args.base_gguf} ({args.threads} threads)")
    model, base = load_llama(args.base_gguf)
    tokenizer = tokenizer_from_gguf(base)
    log(f"model and tokenizer loaded in {time.monotonic() - started:.1f}s")
    examples = data.encode_all(tokenizer, conversations, adds_bos(base), args.max_seq_len)
    s = settings_from(args)
    emit("started", examples=len(examples), tokens=sum(len(e.input_ids) for e in examples),
         steps=total_steps(len(examples), s), epochs=s.epochs)
    trained = {"tokens": 0}
    merged = train(model, examples, s, _pad_id(tokenizer), lambda r: _on_step(r, trained))
    log(f"trained in {time.monotonic() - started:.1f}s so far")
    _export(args, merged, base, tokenizer, prompts)
    log(f"exported in {time.monotonic() - started:.1f}s so far")
    emit("succeeded", output=args.output_gguf, trained_tokens=trained["tokens"],
         seconds=round(time.monotonic() - started, 3))


def _pad_id(tokenizer) -> int:
    for candidate in (tokenizer.pad_token_id, tokenizer.eos_token_id, 0):
        if candidate is not None:
            return candidate
    return 0


def _on_step(report: StepReport, trained: dict) -> None:
    trained["tokens"] = report.tokens
    emit("step", step=report.step, total_steps=report.total_steps, epoch=report.epoch,
         loss=round(report.loss, 6), learning_rate=report.learning_rate, tokens=report.tokens)


def _export(args, merged, base, tokenizer, prompts) -> None:
    """Writes to a temporary name beside the output and renames it at the end, so the output
    path never holds a partial file."""
    out = os.path.abspath(args.output_gguf)
    emit("exporting", path=args.output_gguf)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    tmp = f"{out}.part-{os.getpid()}"
    try:
        export_llama(merged, base, tmp, _model_name(base, out), args.outtype)
        if prompts is not None:
            _write_references(tmp, tokenizer, prompts, args.reference_out)
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _model_name(base, out_path: str) -> str:
    base_name = base.get("general.name") or "base model"
    stem = os.path.splitext(os.path.basename(out_path))[0]
    return f"{stem} (itera LoRA fine-tune of {base_name})"


def _write_references(exported: str, tokenizer, prompts, out_path: str) -> None:
    """Greedy generations of the exported file itself, reloaded: the same weights llama.cpp
    will see, so a mismatch points at the file layout or the runtime, not at rounding."""
    log(f"writing reference generations for {len(prompts)} prompts to {out_path}")
    model, gguf_file = load_llama(exported)
    try:
        reference.write_references(model, tokenizer, prompts, adds_bos(gguf_file), out_path)
    except OSError as e:
        raise TrainerError(f"cannot write reference generations to {out_path}: {e}") from e
