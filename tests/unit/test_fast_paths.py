"""The trainer's and experiment's shortcuts give what the plain ways give: labels from the sign
of the logit (σ(z) > 0.5), the train/test split without train_test_split's checks, the history
frame built as one block, and row 0 of a stack computed with the stack's rows."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import ShuffleSplit, StratifiedShuffleSplit, train_test_split
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from playground import data, setup_paths
from playground.config import RunConfig
from playground.experiment import finish, prepare, run, run_many, run_rngs, split
from playground.nn._stable import sigmoid
from playground.nn.batched import BatchedTrainer
from playground.nn.passes import SATURATION, predict_labels, saturated_dead


# ---- labels: σ(z) > 0.5, computed from the sign of z
def _tiny_logits() -> np.ndarray:
    """Logits around where σ stops rounding to exactly 0.5 (z ≈ 1.1e-16), and the edges."""
    near = [2.0**-53, 1.1e-16, 2.0**-52, 2.0**-50]
    steps = [np.nextafter(x, d) for x in near for d in (0.0, 1.0)]
    special = [0.0, -0.0, 5e-324, -5e-324, 1e-300, 1.0, -1.0, 40.0, -40.0, np.inf, -np.inf]
    sweep = np.geomspace(1e-18, 1e-14, 401)
    return np.concatenate([near, steps, special, sweep, -sweep, [np.nan]])


def test_labels_are_sigmoid_above_one_half_at_the_rounding_edge():
    z = _tiny_logits()[:, None]
    with np.errstate(invalid="ignore"):
        expected = (sigmoid(z)[:, 0] > 0.5).astype(np.int64)
    got = predict_labels(z, "sigmoid")
    np.testing.assert_array_equal(got, expected)
    # the edge matters: some z > 0 have σ(z) == 0.5 (label 0), so "z > 0" alone would be wrong
    assert np.any((z[:, 0] > 0) & (got == 0))
    assert got[list(z[:, 0]).index(2.0**-52)] == 1
    assert got[list(z[:, 0]).index(2.0**-53)] == 0


def test_labels_of_a_stack_match_sigmoid_for_random_logits():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(3, 500, 1)) * np.array([1e-17, 1.0, 30.0])[:, None, None]
    expected = (sigmoid(z)[..., 0] > 0.5).astype(np.int64)
    np.testing.assert_array_equal(predict_labels(z, "sigmoid"), expected)
    assert predict_labels(z, "sigmoid").shape == (3, 500)


def test_labels_of_other_outputs_unchanged():
    z = np.array([[0.4], [0.5], [0.6], [-1.0]])
    np.testing.assert_array_equal(predict_labels(z, "linear"), [0, 0, 1, 0])
    z3 = np.array([[0.1, 0.5, 0.2], [2.0, -1.0, 0.0]])
    np.testing.assert_array_equal(predict_labels(z3, "softmax"), [1, 0])


# ---- split: the indices train_test_split computes
@pytest.mark.parametrize("dataset", ["moons", "circles", "xor", "spiral3", "iris", "breast_cancer"])
@pytest.mark.parametrize("fraction", [0.05, 0.2, 0.33, 0.9])
def test_split_is_train_test_split(dataset, fraction):
    if dataset not in data.NAMES:
        pytest.skip(f"no data set {dataset}")
    for seed in (0, 1, 7, 123):
        c = replace(RunConfig(), dataset=dataset, seed=seed, test_fraction=fraction, n_samples=97)
        X, y = data.make_dataset(dataset, c.n_samples, c.noise, seed)
        expected = train_test_split(X, y, test_size=fraction, random_state=seed, stratify=y)
        for a, b in zip(split(c, X, y), expected, strict=True):
            np.testing.assert_array_equal(a, b)


def test_split_without_stratify_when_a_class_is_single():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(40, 2)), np.r_[np.zeros(39, int), 1]
    c = replace(RunConfig(), seed=5, test_fraction=0.25)
    expected = train_test_split(X, y, test_size=0.25, random_state=5)
    for a, b in zip(split(c, X, y), expected, strict=True):
        np.testing.assert_array_equal(a, b)


def test_split_refuses_what_train_test_split_refuses():
    X, y = np.zeros((3, 2)), np.array([0, 1, 1])
    with pytest.raises(ValueError):
        split(replace(RunConfig(), test_fraction=0.9), X[:1], y[:1])


# ---- history frame and row 0
def test_history_frame_is_the_frame_of_the_dict():
    p = prepare(replace(RunConfig(), epochs=4, n_samples=120))
    p.trainer.run()
    expected = pd.DataFrame(p.trainer.history)
    expected["epoch"] = expected["epoch"].astype(int)
    got = finish(p).history
    pd.testing.assert_frame_equal(got, expected, check_exact=True)
    assert got["epoch"].tolist() == [0, 1, 2, 3, 4]


def test_row0_left_to_training_is_the_same_row():
    c = replace(RunConfig(), epochs=3, n_samples=120, seed=4)
    now, later = prepare(c), prepare(c, first_row=False)
    assert later.trainer.history == {} and len(now.trainer.history["epoch"]) == 1
    later.trainer.run()
    now.trainer.run()
    assert later.trainer.history == now.trainer.history
    np.testing.assert_array_equal(later.trainer.result.snapshots, now.trainer.result.snapshots)


def test_run_many_row0_from_the_stack_equals_run():
    configs = [replace(RunConfig(), epochs=2, n_samples=120, seed=s) for s in range(3)]
    for a, b in zip(run_many(configs), [run(c) for c in configs], strict=True):
        assert a.history.iloc[0].equals(b.history.iloc[0])
        pd.testing.assert_frame_equal(a.history, b.history, check_exact=True)
        np.testing.assert_array_equal(a.snapshots, b.snapshots)


def test_sigmoid_in_given_arrays_is_sigmoid():
    z = np.concatenate([_tiny_logits(), np.linspace(-800, 800, 301)])[None, :, None]
    out, work = np.empty(z.shape), np.empty(z.shape)
    with np.errstate(invalid="ignore"):
        expected = sigmoid(z)
        got = sigmoid(z, out, work)
    assert got is out
    np.testing.assert_array_equal(got, expected)  # NaN where z is NaN, in both
    assert got[0, 0, 0] == sigmoid(np.array(2.0**-53)) and np.isnan(got).sum() == 1


def test_snapshots_of_a_stack_are_each_runs_own():
    configs = [replace(RunConfig(), epochs=3, n_samples=100, seed=s) for s in range(10)]
    for a, c in zip(run_many(configs), configs, strict=True):  # 10 runs: chunks of 8 and 2
        np.testing.assert_array_equal(a.snapshots, run(c).snapshots)
        assert a.snapshots.dtype == np.float32 and a.snapshots.shape[0] == 4


def test_runs_on_the_same_data_share_one_setup(monkeypatch):
    from playground import experiment

    loads = []
    load = experiment.load_data
    monkeypatch.setattr(experiment, "load_data", lambda c: loads.append(c.seed) or load(c))
    base = replace(RunConfig(), epochs=3, n_samples=120)
    configs = [
        replace(base, learning_rate=0.01),
        replace(base, learning_rate=0.1),
        replace(base, learning_rate=0.1, seed=1),  # other data
        replace(base, learning_rate=0.03, scaler="minmax"),  # same data, other scaler
        replace(base, learning_rate=0.02, test_fraction=0.3),  # other split
    ]
    results = run_many(configs)
    assert sorted(loads) == [0, 0, 0, 1]  # one per (data, split, scaler)
    assert results[0].X_train is results[1].X_train and results[0].scaler is results[1].scaler
    assert results[3].scaler is not results[0].scaler
    for a, c in zip(results, configs, strict=True):
        b = run(c)
        pd.testing.assert_frame_equal(a.history, b.history, check_exact=True)
        np.testing.assert_array_equal(a.snapshots, b.snapshots)
        for x, y in [(a.X_train, b.X_train), (a.y_test, b.y_test), (a.grid.x, b.grid.x)]:
            np.testing.assert_array_equal(x, y)
    assert not results[0].history.equals(results[1].history)  # the learning rates differ


# ---- the history row's shortcuts: dead units, bookkeeping, shuffles
def _plain_saturated_dead(df, peak):
    """The definitions, per run: share of f'(z) < 5 % of the peak, share of units (rows) whose
    f'(z) is 0 on every sample."""
    sat = [np.mean(d < SATURATION * peak) if peak else 0.0 for d in df]
    return np.array(sat), np.array([np.mean(np.all(d == 0, axis=1)) for d in df])


@pytest.mark.parametrize("peak", [1.0, 0.25, None])
def test_saturated_dead_is_the_definition(peak):
    rng = np.random.default_rng(1)
    h, n = 4, 6
    df = rng.uniform(0.3, 1.0, size=(5, h, n))  # none saturated but the zeros below
    df[0, 2] = 0.0  # run 0: a dead unit (n saturated outputs)
    df[1, :, :2] = 0.0  # run 1: 2h ≥ n saturated outputs, no dead unit
    df[2, 1, :3] = 0.0  # run 2: 3 < n saturated outputs
    df[3, 1, :-1], df[3, 1, -1] = 0.0, 1e-300  # run 3: one unit with f' = 0 but one tiny
    cases = {"stack": df, "no dead, few saturated": df[2:3], "one dead": df[:1], "none": df[4:]}
    for name, block in cases.items():
        got, expected = saturated_dead(block, peak), _plain_saturated_dead(block, peak)
        for g, e in zip(got, expected, strict=True):
            np.testing.assert_array_equal(g, e, err_msg=name)
    sat, dead = saturated_dead(df, peak)
    assert dead.tolist() == [0.25, 0.0, 0.0, 0.0, 0.0]
    if peak:
        assert sat[0] >= 0.25 and sat[2] == 3 / (h * n) and sat[3] == n / (h * n)


def test_dead_tanh_unit_is_in_the_history_of_a_lone_run_and_a_stack():
    """A tanh unit pushed to +1 on every sample (bias 100: f'(z) = 1 − 1² = 0 exactly) is dead."""
    c = replace(RunConfig(), epochs=2, n_samples=120, hidden=(4, 4))
    prepared = [prepare(replace(c, seed=s), first_row=False) for s in range(3)]
    for p in prepared[:2]:  # runs 0 and 1: unit 0 of layer 1 dead
        p.trainer.net.params[1][0] = 100.0
    lone = prepare(c, first_row=False)
    lone.trainer.net.params[1][0] = 100.0
    lone.trainer.run()
    BatchedTrainer([p.trainer for p in prepared]).run()
    for p in [lone, *prepared[:2]]:
        assert p.trainer.history["act_dead_1"][0] == 0.25
        assert p.trainer.history["act_saturated_1"][0] >= 0.25
    assert prepared[2].trainer.history["act_dead_1"][0] == 0.0
    assert lone.trainer.history == prepared[0].trainer.history


def test_record_values_checks_columns_and_finiteness():
    p = prepare(replace(RunConfig(), epochs=2, n_samples=120))
    t = p.trainer
    keys, values = list(t.history), [col[-1] for col in t.history.values()]
    assert t.record_values(keys, values) and t.history["train_loss"][-1] == values[1]
    with pytest.raises(RuntimeError):
        t.record_values(keys[::-1], values[::-1])
    assert not t.record_values(keys, [*values[:1], float("nan"), *values[2:]])
    assert (t.result.status, t.result.reason) == ("diverged", "nan")
    assert len(t.history["epoch"]) == 2  # the NaN row is not kept


def test_shuffles_are_each_generators_permutations():
    configs = [replace(RunConfig(), epochs=1, n_samples=120, seed=s) for s in range(3)]
    prepared = [prepare(c, first_row=False) for c in configs]
    engine = BatchedTrainer([p.trainer for p in prepared])
    twins = [run_rngs(c.seed)[1] for c in configs]
    for _ in range(3):  # the array is reused: each epoch's numbers are new
        expected = np.stack([g.permutation(96) for g in twins])
        np.testing.assert_array_equal(engine._permutations(96), expected)


# ---- the setup's shortcuts (playground/setup_paths.py): scikit-learn's numbers
@pytest.mark.parametrize("n, n_test", [(97, 20), (10, 3), (500, 100)])
def test_split_indices_are_the_splitters(n, n_test):
    rng = np.random.default_rng(n)
    for seed in (0, 3, 2**31 - 1):
        for y in (rng.integers(0, 3, n), np.r_[np.zeros(n - 2, int), 1, 1], rng.normal(size=n)):
            stratify = y.dtype.kind == "i"
            cv = (StratifiedShuffleSplit if stratify else ShuffleSplit)(
                test_size=n_test, train_size=n - n_test, random_state=seed
            )
            try:
                expected = next(cv.split(y, y if stratify else None))
            except ValueError as error:  # a class of 1: refused alike
                with pytest.raises(ValueError, match=str(error)[:40]):
                    setup_paths.split_indices(y, n_test, seed, stratify)
                continue
            got = setup_paths.split_indices(y, n_test, seed, stratify)
            for a, b in zip(got, expected, strict=True):
                np.testing.assert_array_equal(a, b)
                assert a.dtype == b.dtype


def test_split_indices_leave_refusals_to_scikit_learn():
    y = np.repeat(np.arange(5), 4)  # 5 classes, a test side of 3 cannot hold one of each
    with pytest.raises(ValueError, match="greater or equal to the number of classes"):
        setup_paths.split_indices(y, 3, 0, True)


def test_transform_is_the_scalers():
    rng = np.random.default_rng(2)
    X = rng.normal(3.0, 2.0, size=(200, 2))
    scaler = StandardScaler().fit(X[:150])
    for A in (X[150:], X[:, ::-1].copy()[:, ::-1], np.array([[np.nan, 1.0]])):
        got = setup_paths.transform(scaler, A)
        np.testing.assert_array_equal(got, scaler.transform(A))
        assert got is not A and got.dtype == np.float64
    for refused in (np.array([[np.inf, 1.0]]), X[:0]):  # scikit-learn's own refusals
        with pytest.raises(ValueError):
            setup_paths.transform(scaler, refused)
    for other in (MinMaxScaler().fit(X), StandardScaler(with_mean=False).fit(X)):
        np.testing.assert_array_equal(setup_paths.transform(other, X), other.transform(X))
    ints = np.arange(6).reshape(3, 2)  # not float64: scikit-learn converts
    np.testing.assert_array_equal(setup_paths.transform(scaler, ints), scaler.transform(ints))
