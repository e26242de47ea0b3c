import pytest

from itera_trainer import data
from itera_trainer.llama_gguf import load_llama
from itera_trainer.tokenizer import tokenizer_from_gguf
from itera_trainer.data import Example
from itera_trainer.training import TrainSettings, epoch_batches, train

from conftest import toy_conversations


@pytest.fixture(scope="module")
def examples(tiny_gguf):
    _, base = load_llama(tiny_gguf)
    tok = tokenizer_from_gguf(base)
    return [data.encode(tok, c, False, 256) for c in toy_conversations()]


def run(tiny_gguf, examples, seed=42, steps=10, lr=1e-2):
    model, _ = load_llama(tiny_gguf)
    losses = []
    s = TrainSettings(epochs=100, learning_rate=lr, batch_size=2, seed=seed, max_steps=steps)
    merged = train(model, examples, s, pad_id=0, on_step=lambda r: losses.append(r))
    return merged, losses


def test_loss_goes_down(tiny_gguf, examples):
    _, reports = run(tiny_gguf, examples, steps=12)
    losses = [r.loss for r in reports]
    assert len(losses) == 12
    assert sum(losses[-2:]) / 2 < 0.7 * sum(losses[:2]) / 2, losses


def test_reports_count_steps_epochs_tokens_and_decaying_rate(tiny_gguf, examples):
    _, reports = run(tiny_gguf, examples, steps=5)
    assert [r.step for r in reports] == [1, 2, 3, 4, 5]
    assert [r.epoch for r in reports] == [1, 1, 2, 2, 3]
    assert all(r.total_steps == 5 for r in reports)
    assert [r.learning_rate for r in reports] == pytest.approx([1e-2, 8e-3, 6e-3, 4e-3, 2e-3])
    assert reports[-1].tokens > reports[0].tokens > 0


def test_same_seed_same_losses_other_seed_other_losses(tiny_gguf, examples):
    first = [r.loss for r in run(tiny_gguf, examples, seed=5, steps=4)[1]]
    again = [r.loss for r in run(tiny_gguf, examples, seed=5, steps=4)[1]]
    other = [r.loss for r in run(tiny_gguf, examples, seed=6, steps=4)[1]]
    assert first == again
    assert first != other


def test_epoch_order_is_a_seeded_permutation():
    a = epoch_batches(10, 4, seed=1, epoch=1)
    assert a == epoch_batches(10, 4, seed=1, epoch=1)
    assert sorted(i for b in a for i in b) == list(range(10))
    assert [len(b) for b in a] == [4, 4, 2]
    assert a != epoch_batches(10, 4, seed=1, epoch=2)


def test_merged_model_differs_from_base_only_in_targeted_projections(tiny_gguf, examples):
    base, _ = load_llama(tiny_gguf)
    merged, _ = run(tiny_gguf, examples, steps=3)
    changed = {n for n, p in merged.state_dict().items() if not p.equal(base.state_dict()[n])}
    assert changed and all(n.endswith("_proj.weight") for n in changed)
    assert "model.embed_tokens.weight" not in changed


def test_a_step_accumulated_example_by_example_has_the_padded_batch_loss_and_gradient(tiny_gguf, examples):
    import torch
    from itera_trainer.training import _optimizer_step, add_lora, collate, labelled_loss

    batch = sorted(examples, key=lambda e: len(e.input_ids))[:1] + sorted(examples, key=lambda e: len(e.input_ids))[-2:]
    assert len({len(e.input_ids) for e in batch}) > 1, "the batch needs padding to be a fair check"
    grads, losses = [], []
    for accumulated in (False, True):
        model, _ = load_llama(tiny_gguf)
        torch.manual_seed(3)
        peft = add_lora(model, TrainSettings())
        llama = peft.base_model.model
        params = [p for p in peft.parameters() if p.requires_grad]
        for p in params:  # LoRA's B starts at zero: give every adapter a gradient to compare
            torch.nn.init.normal_(p, std=0.02)
        if accumulated:
            optimizer = torch.optim.SGD(params, lr=0.0)
            losses.append(_optimizer_step(llama, batch, 0, params, optimizer, 0.0, 1e9))
        else:
            loss = labelled_loss(llama, collate(batch, 0))
            loss.backward()
            losses.append(float(loss))
        grads.append(torch.cat([p.grad.flatten() for p in params]))
    assert losses[1] == pytest.approx(losses[0], rel=1e-5)
    assert torch.allclose(grads[1], grads[0], rtol=1e-4, atol=1e-7)


def _of_lengths(*lengths):
    return [Example([1] * n, [1] * n) for n in lengths]


def test_examples_of_one_length_are_one_pass_and_mixed_lengths_split():
    from itera_trainer.training import passes

    assert [[len(e.input_ids) for e in g] for g in passes(_of_lengths(48, 47, 49, 48))] == [[47, 48, 48, 49]]
    assert [[len(e.input_ids) for e in g] for g in passes(_of_lengths(400, 60, 410, 50))] == [[50, 60], [400, 410]]
    assert [[len(e.input_ids) for e in g] for g in passes(_of_lengths(100, 200, 300, 400))] == [[100], [200], [300], [400]]


def test_passes_keep_every_example_once_for_any_batch_size():
    from itera_trainer.training import passes

    batch = _of_lengths(*[(i * 37) % 300 + 10 for i in range(32)])
    groups = passes(batch)
    assert sorted(id(e) for g in groups for e in g) == sorted(id(e) for e in batch)
    assert len(groups) > 1
