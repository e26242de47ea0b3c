import os
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "src"))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import tiny  # noqa: E402


@pytest.fixture(scope="session")
def tiny_model():
    return tiny.random_model(seed=0)


@pytest.fixture(scope="session")
def tiny_gguf(tmp_path_factory, tiny_model):
    path = tmp_path_factory.mktemp("base") / "tiny.gguf"
    tiny.write_tiny_gguf(str(path), tiny_model)
    return str(path)


def toy_conversations():
    """A fixed toy set: each answer follows from the question."""
    pairs = [("is it hat?", "it is hat"), ("is the cat?", "the cat is"),
             ("say ass", "ass ass"), ("what is th?", "th is the")]
    return [[{"role": "system", "content": "be terse"},
             {"role": "user", "content": q},
             {"role": "assistant", "content": a}] for q, a in pairs]
