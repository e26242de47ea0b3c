"""A tiny random llama model with a byte-level BPE tokenizer, written as a GGUF file by the
trainer's own writer, so tests exercise the same loading path as the real model."""

from __future__ import annotations

import torch
from gguf import GGUFValueType as T
from tokenizers import pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM

from itera_trainer.gguf_io import MetaEntry, write_gguf
from itera_trainer.llama_gguf import gguf_tensors

SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
MERGES = ["Ġ i", "Ġ t", "i s", "Ġi s", "h a", "Ġt h", "Ġth e", "a t", "Ġ =", "s s"]
CHATML = ("{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\n' + "
          "message['content'] + '<|im_end|>' + '\n' }}{% endfor %}"
          "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}")


def vocabulary() -> tuple[list[str], list[int]]:
    alphabet = sorted(pre_tokenizers.ByteLevel.alphabet())
    merged = [m.replace(" ", "") for m in MERGES]
    tokens = SPECIALS + alphabet + merged
    types = [3] * len(SPECIALS) + [1] * (len(alphabet) + len(merged))
    return tokens, types


def config(vocab_size: int, tied: bool = True) -> LlamaConfig:
    return LlamaConfig(vocab_size=vocab_size, hidden_size=64, intermediate_size=128,
                       num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                       head_dim=16, max_position_embeddings=256, rms_norm_eps=1e-5,
                       rope_theta=10000.0, tie_word_embeddings=tied, bos_token_id=0,
                       eos_token_id=2, pad_token_id=0, use_cache=False)


def metadata(c: LlamaConfig, tokens: list[str], types: list[int]) -> dict[str, MetaEntry]:
    u32 = lambda v: MetaEntry(v, T.UINT32)  # noqa: E731
    f32 = lambda v: MetaEntry(v, T.FLOAT32)  # noqa: E731
    return {
        "llama.block_count": u32(c.num_hidden_layers),
        "llama.context_length": u32(c.max_position_embeddings),
        "llama.embedding_length": u32(c.hidden_size),
        "llama.feed_forward_length": u32(c.intermediate_size),
        "llama.attention.head_count": u32(c.num_attention_heads),
        "llama.attention.head_count_kv": u32(c.num_key_value_heads),
        "llama.rope.freq_base": f32(c.rope_theta),
        "llama.attention.layer_norm_rms_epsilon": f32(c.rms_norm_eps),
        "llama.vocab_size": u32(c.vocab_size),
        "llama.rope.dimension_count": u32(c.head_dim),
        "tokenizer.ggml.model": MetaEntry("gpt2", T.STRING),
        "tokenizer.ggml.pre": MetaEntry("smollm", T.STRING),
        "tokenizer.ggml.tokens": MetaEntry(tokens, T.ARRAY, T.STRING),
        "tokenizer.ggml.token_type": MetaEntry(types, T.ARRAY, T.INT32),
        "tokenizer.ggml.merges": MetaEntry(list(MERGES), T.ARRAY, T.STRING),
        "tokenizer.ggml.bos_token_id": u32(0),
        "tokenizer.ggml.eos_token_id": u32(2),
        "tokenizer.ggml.padding_token_id": u32(0),
        "tokenizer.ggml.add_bos_token": MetaEntry(False, T.BOOL),
        "tokenizer.chat_template": MetaEntry(CHATML, T.STRING),
    }


def tensor_names(c: LlamaConfig) -> list[str]:
    names = ["token_embd.weight"]
    for i in range(c.num_hidden_layers):
        names += [f"blk.{i}.{n}.weight" for n in ("attn_norm", "attn_q", "attn_k", "attn_v",
                  "attn_output", "ffn_norm", "ffn_gate", "ffn_up", "ffn_down")]
    names.append("output_norm.weight")
    if not c.tie_word_embeddings:
        names.append("output.weight")
    return names


def random_model(seed: int = 0, tied: bool = True) -> LlamaForCausalLM:
    """Random weights, rounded to float16 so an F16 file holds them exactly; norms are
    perturbed from 1 so a swapped tensor would show."""
    tokens, _ = vocabulary()
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config(len(tokens), tied))
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("norm.weight"):
                p.add_(0.1 * torch.randn_like(p))
            else:
                p.normal_(0.0, 0.08)
            p.copy_(p.half().float())
    return model.eval()


def write_tiny_gguf(path: str, model: LlamaForCausalLM) -> None:
    tokens, types = vocabulary()
    tensors = gguf_tensors(model, tensor_names(model.config))
    write_gguf(path, "llama", "tiny-test-llama", metadata(model.config, tokens, types),
               tensors, "f16")
