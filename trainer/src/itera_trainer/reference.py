"""Reference generations for comparing with llama.cpp: greedy decoding under transformers.

Input (`--reference-prompts`): JSONL, one `{"messages": [...], "max_tokens": N}` per line
(`max_tokens` optional, default 32); the prompt is the chat template with the generation
prompt added. Output (`--reference-out`): JSONL, one line per prompt, in order:
`{"index": i, "prompt_tokens": [...], "tokens": [...], "text": "...", "stop": "eos"|"length"}`
where `tokens` are the generated ids without the end-of-sequence token and `text` is their
decoding.
"""

from __future__ import annotations

import json

import torch

from itera_trainer.data import ROLES
from itera_trainer.errors import InvalidArguments

DEFAULT_MAX_TOKENS = 32


def load_prompts(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            lines = [(n, line) for n, line in enumerate(f, start=1) if line.strip()]
    except OSError as e:
        raise InvalidArguments(f"cannot read reference prompts {path}: {e}") from e
    return [_prompt(line, n, path) for n, line in lines]


def _prompt(line: str, number: int, path: str) -> dict:
    try:
        record = json.loads(line)
        messages = record["messages"]
        assert isinstance(messages, list) and messages
        assert all(m["role"] in ROLES and isinstance(m["content"], str) for m in messages)
        max_tokens = int(record.get("max_tokens", DEFAULT_MAX_TOKENS))
    except (ValueError, KeyError, TypeError, AssertionError) as e:
        raise InvalidArguments(f"{path} line {number}: expected {{\"messages\": [...]}}") from e
    return {"messages": messages, "max_tokens": max_tokens}


@torch.no_grad()
def greedy(model, tokenizer, prompt: dict, add_bos: bool) -> dict:
    ids = tokenizer.apply_chat_template(prompt["messages"], add_generation_prompt=True)
    if add_bos and tokenizer.bos_token_id is not None and ids[:1] != [tokenizer.bos_token_id]:
        ids = [tokenizer.bos_token_id] + ids
    tokens, stop, context = [], "length", torch.tensor([ids])
    past = None
    for _ in range(prompt["max_tokens"]):
        out = model(input_ids=context, past_key_values=past, use_cache=True)
        past, token = out.past_key_values, int(out.logits[0, -1].argmax())
        if token == tokenizer.eos_token_id:
            stop = "eos"
            break
        tokens.append(token)
        context = torch.tensor([[token]])
    return {"prompt_tokens": ids, "tokens": tokens, "stop": stop,
            "text": tokenizer.decode(tokens, skip_special_tokens=False)}


def write_references(model, tokenizer, prompts: list[dict], add_bos: bool, out_path: str) -> None:
    model.eval()
    with open(out_path, "w", encoding="utf-8") as f:
        for i, prompt in enumerate(prompts):
            f.write(json.dumps({"index": i, **greedy(model, tokenizer, prompt, add_bos)},
                               ensure_ascii=False) + "\n")
