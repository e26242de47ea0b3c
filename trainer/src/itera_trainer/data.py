"""Training data: OpenAI chat fine-tuning JSONL, validated line by line, rendered with the
model's chat template, with labels on the assistant turns only."""

from __future__ import annotations

import json
from dataclasses import dataclass

from transformers import PreTrainedTokenizerFast

from itera_trainer.errors import InvalidTrainingFile, TrainerError

ROLES = ("system", "user", "assistant")
IGNORE = -100
_SENTINEL = "\ue000itera-assistant-{}\ue001"


@dataclass
class Example:
    input_ids: list[int]
    labels: list[int]

    @property
    def trained(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE)


def load_conversations(path: str) -> list[list[dict]]:
    """Reads and validates every line; the first bad one raises InvalidTrainingFile."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidTrainingFile(f"cannot read training file {path}: {e}") from e
    conversations = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        conversations.append(_parse_line(line, number))
    if not conversations:
        raise InvalidTrainingFile("the training file has no examples")
    return conversations


def _parse_line(line: str, number: int) -> list[dict]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise InvalidTrainingFile(f"line {number}: not valid JSON ({e.msg})") from e
    reason = _problem(record)
    if reason:
        raise InvalidTrainingFile(f"line {number}: {reason}")
    return record["messages"]


def _problem(record) -> str | None:
    if not isinstance(record, dict):
        return "expected a JSON object with a 'messages' array"
    messages = record.get("messages")
    if not isinstance(messages, list) or not messages:
        return "'messages' must be a non-empty array"
    for i, message in enumerate(messages):
        reason = _message_problem(message)
        if reason:
            return f"messages[{i}]: {reason}"
    if not any(m["role"] == "assistant" and m.get("weight", 1) != 0 for m in messages):
        return "no assistant message to train on"
    return None


def _message_problem(message) -> str | None:
    if not isinstance(message, dict):
        return "expected an object with 'role' and 'content'"
    if message.get("role") not in ROLES:
        return f"'role' must be one of {', '.join(ROLES)} (got {message.get('role')!r})"
    if not isinstance(message.get("content"), str):
        return "'content' must be a string"
    if "weight" in message and message["weight"] not in (0, 1):
        return "'weight' must be 0 or 1"
    return None


def render(tokenizer: PreTrainedTokenizerFast, messages: list[dict]) -> tuple[str, list[tuple[int, int]]]:
    """The conversation as the chat template renders it, and the character spans of the
    assistant contents to train on."""
    plain = [{"role": m["role"], "content": m["content"]} for m in messages]
    text = tokenizer.apply_chat_template(plain, tokenize=False)
    marked = [dict(m, content=_SENTINEL.format(i)) if m["role"] == "assistant" else m
              for i, m in enumerate(plain)]
    skeleton = tokenizer.apply_chat_template(marked, tokenize=False)
    rebuilt, spans = skeleton, []
    for i, m in enumerate(messages):
        if m["role"] != "assistant":
            continue
        start = rebuilt.find(_SENTINEL.format(i))
        if start < 0:
            raise TrainerError("the chat template does not render assistant messages verbatim")
        rebuilt = rebuilt.replace(_SENTINEL.format(i), m["content"], 1)
        if m.get("weight", 1) != 0:
            spans.append((start, start + len(m["content"])))
    if rebuilt != text:
        raise TrainerError("the chat template changes assistant messages; cannot mask them")
    return text, spans


def encode(tokenizer: PreTrainedTokenizerFast, messages: list[dict], add_bos: bool,
           max_len: int) -> Example:
    """Token ids and labels: a label is the token itself inside an assistant content span
    (and for the special token that closes that turn), IGNORE everywhere else."""
    text, spans = render(tokenizer, messages)
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = list(enc["input_ids"]), list(enc["offset_mapping"])
    if add_bos and tokenizer.bos_token_id is not None and ids[:1] != [tokenizer.bos_token_id]:
        ids, offsets = [tokenizer.bos_token_id] + ids, [(0, 0)] + offsets
    labels = _labels(ids, offsets, spans, set(tokenizer.all_special_ids))
    return Example(ids[:max_len], labels[:max_len])


def _labels(ids, offsets, spans, special_ids) -> list[int]:
    labels = [IGNORE] * len(ids)
    for start, end in spans:
        inside = [k for k, (a, b) in enumerate(offsets) if a < end and b > start]
        for k in inside:
            labels[k] = ids[k]
        closing = (inside[-1] + 1) if inside else _first_at(offsets, end)
        if closing is not None and closing < len(ids) and ids[closing] in special_ids:
            labels[closing] = ids[closing]
    return labels


def _first_at(offsets, position) -> int | None:
    for k, (a, _) in enumerate(offsets):
        if a >= position:
            return k
    return None


def encode_all(tokenizer, conversations, add_bos: bool, max_len: int) -> list[Example]:
    examples = [encode(tokenizer, c, add_bos, max_len) for c in conversations]
    if not any(e.trained for e in examples):
        raise InvalidTrainingFile(f"no assistant tokens left to train on within --max-seq-len {max_len}")
    return examples
