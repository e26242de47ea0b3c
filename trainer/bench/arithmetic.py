"""Short arithmetic chat examples (system + user + assistant), deterministic for a seed:
the data of the benchmark and of the real-model test."""

from __future__ import annotations

import json
import random

SYSTEM = "You are a careful calculator. Answer with the result only."


def conversation(a: int, b: int, op: str) -> dict:
    result = {"+": a + b, "-": a - b, "*": a * b}[op]
    return {"messages": [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"What is {a} {op} {b}?"},
        {"role": "assistant", "content": f"{a} {op} {b} = {result}"},
    ]}


def examples(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    return [conversation(rng.randint(2, 99), rng.randint(2, 99), rng.choice("+-*"))
            for _ in range(n)]


def write_jsonl(path: str, records: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record) + "\n")


if __name__ == "__main__":
    import sys
    write_jsonl(sys.argv[1], examples(int(sys.argv[2]) if len(sys.argv) > 2 else 50))
