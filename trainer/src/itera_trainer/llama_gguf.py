"""Llama models between GGUF (llama.cpp layout) and transformers' LlamaForCausalLM.

llama.cpp stores the Q and K projections with the rows of each head interleaved for its
rotary embedding; transformers rotates halves. Loading undoes that permutation, exporting
re-applies it, so an exported file has the base file's tensor names, shapes and layout.
"""

from __future__ import annotations

import os

import numpy as np
import torch
from transformers import LlamaConfig, LlamaForCausalLM

from itera_trainer.errors import InvalidBaseModel
from itera_trainer.gguf_io import GgufFile, read_gguf, write_gguf

_GLOBAL_NAMES = {
    "token_embd.weight": "model.embed_tokens.weight",
    "output_norm.weight": "model.norm.weight",
    "output.weight": "lm_head.weight",
}
_BLOCK_NAMES = {
    "attn_norm.weight": "input_layernorm.weight",
    "ffn_norm.weight": "post_attention_layernorm.weight",
    "attn_q.weight": "self_attn.q_proj.weight",
    "attn_k.weight": "self_attn.k_proj.weight",
    "attn_v.weight": "self_attn.v_proj.weight",
    "attn_output.weight": "self_attn.o_proj.weight",
    "ffn_gate.weight": "mlp.gate_proj.weight",
    "ffn_up.weight": "mlp.up_proj.weight",
    "ffn_down.weight": "mlp.down_proj.weight",
}


def hf_name(gguf_name: str) -> str:
    """The transformers parameter name of a llama.cpp tensor name."""
    if gguf_name in _GLOBAL_NAMES:
        return _GLOBAL_NAMES[gguf_name]
    parts = gguf_name.split(".", 2)
    if len(parts) == 3 and parts[0] == "blk" and parts[2] in _BLOCK_NAMES:
        return f"model.layers.{parts[1]}.{_BLOCK_NAMES[parts[2]]}"
    raise InvalidBaseModel(f"tensor '{gguf_name}' is not part of a supported llama model")


def to_llama_cpp_rope(w: np.ndarray, heads: int) -> np.ndarray:
    """Interleaves each head's rows the way llama.cpp's converter does (halves -> pairs)."""
    rows = w.shape[0]
    return w.reshape(heads, 2, rows // heads // 2, -1).swapaxes(1, 2).reshape(w.shape)


def from_llama_cpp_rope(w: np.ndarray, heads: int) -> np.ndarray:
    """The inverse of to_llama_cpp_rope (pairs -> halves)."""
    rows = w.shape[0]
    return w.reshape(heads, rows // heads // 2, 2, -1).swapaxes(1, 2).reshape(w.shape)


def _rope_heads(gguf_name: str, config: LlamaConfig) -> int | None:
    if gguf_name.endswith("attn_q.weight"):
        return config.num_attention_heads
    if gguf_name.endswith("attn_k.weight"):
        return config.num_key_value_heads
    return None


def config_from_gguf(model: GgufFile) -> LlamaConfig:
    arch = model.require("general.architecture")
    if arch != "llama":
        raise InvalidBaseModel(f"architecture '{arch}' is not supported (only llama)")
    scaling = model.get("llama.rope.scaling.type")
    if scaling not in (None, "none"):
        raise InvalidBaseModel(f"rope scaling '{scaling}' is not supported")
    hidden = int(model.require("llama.embedding_length"))
    heads = int(model.require("llama.attention.head_count"))
    tokens = model.get("tokenizer.ggml.tokens") or []
    return LlamaConfig(
        vocab_size=int(model.get("llama.vocab_size", len(tokens))),
        hidden_size=hidden,
        intermediate_size=int(model.require("llama.feed_forward_length")),
        num_hidden_layers=int(model.require("llama.block_count")),
        num_attention_heads=heads,
        num_key_value_heads=int(model.get("llama.attention.head_count_kv", heads)),
        head_dim=int(model.get("llama.attention.key_length", hidden // heads)),
        max_position_embeddings=int(model.get("llama.context_length", 2048)),
        rms_norm_eps=float(model.get("llama.attention.layer_norm_rms_epsilon", 1e-5)),
        rope_theta=float(model.get("llama.rope.freq_base", 10000.0)),
        tie_word_embeddings="output.weight" not in model.tensors,
        bos_token_id=model.get("tokenizer.ggml.bos_token_id"),
        eos_token_id=model.get("tokenizer.ggml.eos_token_id"),
        pad_token_id=model.get("tokenizer.ggml.padding_token_id"),
        use_cache=False,
    )


def state_dict_from_gguf(model: GgufFile, config: LlamaConfig) -> dict[str, torch.Tensor]:
    state = {}
    for name, array in model.tensors.items():
        heads = _rope_heads(name, config)
        if heads is not None:
            array = from_llama_cpp_rope(array, heads)
        state[hf_name(name)] = torch.from_numpy(np.ascontiguousarray(array))
    return state


def build_model(config: LlamaConfig, state: dict[str, torch.Tensor]) -> LlamaForCausalLM:
    expected = set(LlamaForCausalLM(_tiny(config)).state_dict())
    if config.tie_word_embeddings:
        expected.discard("lm_head.weight")
    missing, unexpected = expected - set(state), set(state) - expected
    if missing or unexpected:
        raise InvalidBaseModel(f"tensors missing {sorted(missing)}, unexpected {sorted(unexpected)}")
    # from_pretrained with a state dict skips the random initialisation of the weights.
    model = LlamaForCausalLM.from_pretrained(None, config=config, state_dict=state,
                                             torch_dtype=torch.float32)
    return model.eval()


def _tiny(config: LlamaConfig) -> LlamaConfig:
    """The same parameter names at a negligible size (to check names cheaply)."""
    small = config.to_dict()
    small.update(hidden_size=8, intermediate_size=8, num_attention_heads=2, num_key_value_heads=2,
                 head_dim=4, vocab_size=8)
    return LlamaConfig(**small)


def load_llama(path: str | os.PathLike) -> tuple[LlamaForCausalLM, GgufFile]:
    """Loads a llama GGUF file as a float32 LlamaForCausalLM; returns it with the file's
    metadata (tensors dropped)."""
    if not os.path.isfile(path):
        raise InvalidBaseModel(f"base model file {path} does not exist")
    gguf_file = read_gguf(path)
    config = config_from_gguf(gguf_file)
    model = build_model(config, state_dict_from_gguf(gguf_file, config))
    gguf_file.tensors = {name: None for name in gguf_file.tensors}  # keep the order only
    return model, gguf_file


def gguf_tensors(model: LlamaForCausalLM, names: list[str]) -> dict[str, np.ndarray]:
    """The model's weights under the given llama.cpp names, in that order and layout."""
    state = model.state_dict()
    out = {}
    for name in names:
        array = state[hf_name(name)].detach().to(torch.float32).cpu().numpy()
        heads = _rope_heads(name, model.config)
        out[name] = to_llama_cpp_rope(array, heads) if heads is not None else array
    return out


def export_llama(model: LlamaForCausalLM, base: GgufFile, path: str | os.PathLike,
                 name: str, outtype: str) -> None:
    """Writes `model` as GGUF with the base file's metadata and tensor names."""
    tensors = gguf_tensors(model, list(base.tensors))
    write_gguf(path, "llama", name, base.metadata, tensors, outtype)
