import json

import pytest

from itera_trainer import data
from itera_trainer.errors import InvalidTrainingFile
from itera_trainer.llama_gguf import load_llama
from itera_trainer.tokenizer import tokenizer_from_gguf


@pytest.fixture(scope="module")
def tokenizer(tiny_gguf):
    _, base = load_llama(tiny_gguf)
    return tokenizer_from_gguf(base)


def test_chat_template_comes_from_the_gguf_metadata(tokenizer):
    text = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False,
                                         add_generation_prompt=True)
    assert text == "<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n"


def test_tokenizer_uses_merges_specials_and_isolated_digits(tokenizer):
    ids = tokenizer("<|im_start|>the 12 is", add_special_tokens=False)["input_ids"]
    assert tokenizer.convert_ids_to_tokens(ids) == ["<|im_start|>", "t", "h", "e", "Ġ", "1", "2", "Ġis"]
    assert tokenizer.decode(ids) == "<|im_start|>the 12 is"


def test_labels_cover_exactly_the_assistant_content_and_its_end_token(tokenizer):
    messages = [{"role": "system", "content": "s"}, {"role": "user", "content": "is it"},
                {"role": "assistant", "content": "the cat"}, {"role": "user", "content": "ha"},
                {"role": "assistant", "content": "is"}]
    ex = data.encode(tokenizer, messages, add_bos=False, max_len=1024)
    tokens = tokenizer.convert_ids_to_tokens(ex.input_ids)
    assert len(tokens) == 60
    # 0-10 system turn, 11-21 user turn, 22-30 "<|im_start|>assistant\n" (scaffolding)
    assert tokens[22:31] == ["<|im_start|>", "a", "ss", "is", "t", "a", "n", "t", "Ċ"]
    assert tokens[31:38] == ["t", "h", "e", "Ġ", "c", "at", "<|im_end|>"]
    assert tokens[57:60] == ["is", "<|im_end|>", "Ċ"]
    labelled = [k for k, label in enumerate(ex.labels) if label != data.IGNORE]
    assert labelled == [31, 32, 33, 34, 35, 36, 37, 57, 58]
    assert all(ex.labels[k] == ex.input_ids[k] for k in labelled)


def test_weight_zero_assistant_turn_is_not_trained(tokenizer):
    messages = [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b", "weight": 0},
                {"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}]
    ex = data.encode(tokenizer, messages, add_bos=False, max_len=1024)
    trained = [tokenizer.convert_ids_to_tokens(i) for i, l in zip(ex.input_ids, ex.labels) if l != -100]
    assert trained == ["d", "<|im_end|>"]


def _write(tmp_path, lines):
    path = tmp_path / "train.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


GOOD = json.dumps({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})


@pytest.mark.parametrize("bad, reason", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"messages": []}', "'messages' must be a non-empty array"),
    ('{"messages": [{"role": "bot", "content": "x"}]}', "'role' must be one of"),
    ('{"messages": [{"role": "user", "content": 3}]}', "'content' must be a string"),
    ('{"messages": [{"role": "user", "content": "q"}]}', "no assistant message"),
])
def test_first_bad_line_is_named_with_its_reason(tmp_path, bad, reason):
    path = _write(tmp_path, [GOOD, GOOD, bad, "{also bad"])
    with pytest.raises(InvalidTrainingFile) as e:
        data.load_conversations(path)
    assert str(e.value).startswith("line 3: ") and reason in str(e.value)


def test_empty_file_is_invalid(tmp_path):
    with pytest.raises(InvalidTrainingFile, match="no examples"):
        data.load_conversations(_write(tmp_path, [""]))


def test_truncation_keeps_max_len(tokenizer):
    messages = [{"role": "user", "content": "is " * 50}, {"role": "assistant", "content": "ha"}]
    with pytest.raises(InvalidTrainingFile, match="max-seq-len"):
        data.encode_all(tokenizer, [messages], add_bos=False, max_len=16)
    assert len(data.encode(tokenizer, messages, False, 16).input_ids) == 16
