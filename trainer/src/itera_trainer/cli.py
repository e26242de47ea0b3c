"""Command line: `python -m itera_trainer train ...` (the contract is in trainer/README.md)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import traceback

from itera_trainer.errors import InvalidArguments, TrainerError
from itera_trainer.events import emit, log, redirect_stdout
from itera_trainer.parent import watch_stdin_if_asked


class Cancelled(BaseException):
    """Raised in the main thread when SIGTERM arrives."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        raise InvalidArguments(f"{self.prog}: {message}")


def _positive(kind):
    def parse(text):
        value = kind(text)
        if value < 0:
            raise argparse.ArgumentTypeError(f"must not be negative: {text}")
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m itera_trainer")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("train", help="LoRA fine-tune a GGUF llama model and export GGUF")
    p.error = parser.error  # the sub-parser reports through the same failed event
    p.add_argument("--base-gguf", required=True)
    p.add_argument("--train-file", required=True)
    p.add_argument("--output-gguf", required=True)
    p.add_argument("--epochs", type=_positive(int), default=3)
    p.add_argument("--learning-rate", type=_positive(float), default=2e-4)
    p.add_argument("--batch-size", type=_positive(int), default=4)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--max-steps", type=_positive(int), default=0, help="0 = no limit")
    p.add_argument("--lora-r", type=_positive(int), default=8)
    p.add_argument("--lora-alpha", type=_positive(int), default=16)
    p.add_argument("--outtype", choices=["q8_0", "f16"], default="q8_0")
    p.add_argument("--threads", type=_positive(int), default=_default_threads())
    p.add_argument("--max-seq-len", type=_positive(int), default=1024)
    p.add_argument("--reference-prompts", help="JSONL of chat prompts to generate greedily")
    p.add_argument("--reference-out", help="where the reference generations go (JSONL)")
    return parser


def _default_threads() -> int:
    return int(os.environ.get("ITERA_TRAINER_THREADS") or os.cpu_count() or 1)


def _check(args) -> None:
    if args.batch_size < 1 or args.lora_r < 1 or args.threads < 1 or args.max_seq_len < 2:
        raise InvalidArguments("--batch-size, --lora-r, --threads must be >= 1, --max-seq-len >= 2")
    if bool(args.reference_prompts) != bool(args.reference_out):
        raise InvalidArguments("--reference-prompts and --reference-out go together")


def main(argv: list[str] | None = None) -> int:
    redirect_stdout()
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    signal.signal(signal.SIGTERM, _on_sigterm)
    watch_stdin_if_asked()
    try:
        args = build_parser().parse_args(argv)
        _check(args)
        from itera_trainer.job import run  # heavy imports (torch) after the arguments are checked
        run(args)
        return 0
    except TrainerError as e:
        emit("failed", code=e.code, message=str(e))
        log(f"failed ({e.code}): {e}")
        return e.exit_code
    except Cancelled:
        log("cancelled by SIGTERM")
        return 128 + signal.SIGTERM
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    except Exception as e:  # anything unexpected is a training error, with the trace on stderr
        traceback.print_exc(file=sys.stderr)
        emit("failed", code="training_error", message=f"{type(e).__name__}: {e}")
        return 1


def _on_sigterm(signum, frame):
    raise Cancelled()
