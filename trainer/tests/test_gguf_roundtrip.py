import numpy as np
import pytest
import torch
from gguf import GGMLQuantizationType, GGUFReader

from itera_trainer.llama_gguf import (export_llama, from_llama_cpp_rope, load_llama,
                                      to_llama_cpp_rope)

PROMPT = torch.tensor([[1, 40, 41, 42, 268, 7, 99, 2, 5]])


def logits(model):
    with torch.no_grad():
        return model(input_ids=PROMPT).logits


def test_loaded_model_matches_the_written_one(tiny_gguf, tiny_model):
    loaded, _ = load_llama(tiny_gguf)
    for name, p in tiny_model.state_dict().items():
        assert torch.equal(loaded.state_dict()[name], p), name
    assert torch.allclose(logits(loaded), logits(tiny_model), atol=1e-5)


def test_f16_export_round_trips(tiny_gguf, tiny_model, tmp_path):
    loaded, base = load_llama(tiny_gguf)
    out = tmp_path / "again.gguf"
    export_llama(loaded, base, out, "again", "f16")
    again, meta = load_llama(out)
    for name, p in loaded.state_dict().items():
        assert torch.allclose(again.state_dict()[name], p, atol=1e-3, rtol=1e-3), name
    assert torch.allclose(logits(again), logits(tiny_model), atol=1e-4)
    assert meta.get("general.name") == "again"
    assert meta.get("tokenizer.chat_template") == base.get("tokenizer.chat_template")
    assert meta.get("tokenizer.ggml.tokens") == base.get("tokenizer.ggml.tokens")


def test_export_keeps_names_shapes_and_norms_f32(tiny_gguf, tmp_path):
    loaded, base = load_llama(tiny_gguf)
    out = tmp_path / "q8.gguf"
    export_llama(loaded, base, out, "q8", "q8_0")
    before, after = GGUFReader(tiny_gguf), GGUFReader(out)
    assert [t.name for t in after.tensors] == [t.name for t in before.tensors]
    for b, a in zip(before.tensors, after.tensors):
        assert a.shape.tolist() == b.shape.tolist()
        expected = GGMLQuantizationType.F32 if len(a.shape) == 1 else GGMLQuantizationType.Q8_0
        assert a.tensor_type == expected, a.name
    assert after.fields["general.file_type"].contents() == 7
    q8, _ = load_llama(out)
    assert torch.allclose(logits(q8), logits(loaded), atol=0.05)


def _rope_halves(x, pos, theta=10000.0):
    """transformers' rotary embedding: dimension i pairs with i + d/2."""
    d = x.shape[-1]
    inv = theta ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    ang = pos[:, None] * inv[None, :]
    cos, sin = torch.cat([ang.cos()] * 2, -1), torch.cat([ang.sin()] * 2, -1)
    rot = torch.cat([-x[..., d // 2:], x[..., :d // 2]], -1)
    return x * cos + rot * sin


def _rope_pairs(x, pos, theta=10000.0):
    """llama.cpp's normal rope mode: dimension 2i pairs with 2i + 1."""
    d = x.shape[-1]
    inv = theta ** (-torch.arange(0, d, 2, dtype=torch.float64) / d)
    ang = pos[:, None] * inv[None, :]
    a, b = x[..., 0::2], x[..., 1::2]
    out = torch.empty_like(x)
    out[..., 0::2] = a * ang.cos() - b * ang.sin()
    out[..., 1::2] = a * ang.sin() + b * ang.cos()
    return out


@pytest.mark.parametrize("heads", [1, 3])
def test_permutation_matches_llama_cpp_rope(heads):
    """Attention scores with llama.cpp's layout and pair-wise rope equal the scores with
    transformers' layout and half-wise rope: the permutation is llama.cpp's convention."""
    torch.manual_seed(1)
    head_dim, hidden, n = 8, 12, 5
    wq = torch.randn(heads * head_dim, hidden, dtype=torch.float64)
    wk = torch.randn(heads * head_dim, hidden, dtype=torch.float64)
    x, pos = torch.randn(n, hidden, dtype=torch.float64), torch.arange(n, dtype=torch.float64)

    def scores(q_w, k_w, rope):
        q = (x @ q_w.T).view(n, heads, head_dim).transpose(0, 1)
        k = (x @ k_w.T).view(n, heads, head_dim).transpose(0, 1)
        return rope(q, pos) @ rope(k, pos).transpose(-1, -2)

    cpp_q = torch.from_numpy(to_llama_cpp_rope(wq.numpy(), heads))
    cpp_k = torch.from_numpy(to_llama_cpp_rope(wk.numpy(), heads))
    assert torch.allclose(scores(wq, wk, _rope_halves), scores(cpp_q, cpp_k, _rope_pairs))
    assert np.array_equal(from_llama_cpp_rope(cpp_q.numpy(), heads), wq.numpy())
