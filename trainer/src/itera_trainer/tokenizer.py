"""A fast tokenizer built from a GGUF file's `tokenizer.*` metadata (byte-level BPE, the
`gpt2` tokenizer model of llama.cpp), with the chat template from `tokenizer.chat_template`."""

from __future__ import annotations

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from itera_trainer.errors import InvalidBaseModel
from itera_trainer.gguf_io import GgufFile

# llama.cpp's GPT-2 pre-tokenizer split; some `tokenizer.ggml.pre` types first isolate digits.
_GPT2_SPLIT = r"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)"
_DIGIT_PRE_TYPES = {"smollm", "starcoder", "refact", "command-r", "codeshell", "exaone"}
_PLAIN_PRE_TYPES = {"default", "gpt2", "mpt", "olmo", "jais", None}
_CONTROL, _USER_DEFINED = 3, 4  # llama.cpp token types


def _pre_tokenizer(pre_type: str | None):
    steps = []
    if pre_type in _DIGIT_PRE_TYPES:
        steps.append(pre_tokenizers.Split(Regex(r"\p{N}"), behavior="isolated"))
    elif pre_type not in _PLAIN_PRE_TYPES:
        raise InvalidBaseModel(f"tokenizer pre-type '{pre_type}' is not supported")
    steps.append(pre_tokenizers.Split(Regex(_GPT2_SPLIT), behavior="isolated"))
    steps.append(pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False))
    return pre_tokenizers.Sequence(steps)


def _token(model: GgufFile, key: str, tokens: list[str]) -> str | None:
    index = model.get(key)
    return tokens[index] if index is not None and 0 <= index < len(tokens) else None


def tokenizer_from_gguf(model: GgufFile) -> PreTrainedTokenizerFast:
    kind = model.get("tokenizer.ggml.model")
    if kind != "gpt2":
        raise InvalidBaseModel(f"tokenizer model '{kind}' is not supported (only gpt2 BPE)")
    tokens = list(model.require("tokenizer.ggml.tokens"))
    merges = [tuple(m.split(" ", 1)) for m in model.get("tokenizer.ggml.merges") or []]
    types = list(model.get("tokenizer.ggml.token_type") or [1] * len(tokens))
    vocab = {tok: i for i, tok in enumerate(tokens)}
    core = Tokenizer(models.BPE(vocab=vocab, merges=merges, fuse_unk=False))
    core.pre_tokenizer = _pre_tokenizer(model.get("tokenizer.ggml.pre"))
    core.decoder = decoders.ByteLevel()
    specials = [tok for tok, kind in zip(tokens, types) if kind in (_CONTROL, _USER_DEFINED)]
    core.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in specials])
    template = model.get("tokenizer.chat_template")
    if not template:
        raise InvalidBaseModel("the GGUF file has no tokenizer.chat_template")
    return PreTrainedTokenizerFast(
        tokenizer_object=core,
        bos_token=_token(model, "tokenizer.ggml.bos_token_id", tokens),
        eos_token=_token(model, "tokenizer.ggml.eos_token_id", tokens),
        unk_token=_token(model, "tokenizer.ggml.unknown_token_id", tokens),
        pad_token=_token(model, "tokenizer.ggml.padding_token_id", tokens),
        chat_template=template,
        clean_up_tokenization_spaces=False,
    )


def adds_bos(model: GgufFile) -> bool:
    return bool(model.get("tokenizer.ggml.add_bos_token", False))
