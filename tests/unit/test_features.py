"""Feature inputs (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂): computed from the raw 2-D points
before the scaler; the network's input width follows; the boundary stays in the 2-D plane."""

from __future__ import annotations

import pickle
from dataclasses import replace

import numpy as np
import pytest

from playground import features
from playground.config import RunConfig
from playground.experiment import _prepare, run, run_many
from playground.preprocessing import make_scaler

P = np.array([[0.0, 0.0], [1.0, -2.0], [-0.5, 3.0], [np.pi / 2, -np.pi / 2]])
# the expected column of each feature on P, written out by hand
EXPECTED = {
    "x1": [0.0, 1.0, -0.5, np.pi / 2],
    "x2": [0.0, -2.0, 3.0, -np.pi / 2],
    "x1sq": [0.0, 1.0, 0.25, np.pi**2 / 4],
    "x2sq": [0.0, 4.0, 9.0, np.pi**2 / 4],
    "x1x2": [0.0, -2.0, -1.5, -(np.pi**2) / 4],
    "sin_x1": [0.0, np.sin(1.0), np.sin(-0.5), 1.0],
    "sin_x2": [0.0, np.sin(-2.0), np.sin(3.0), -1.0],
}
SMALL = RunConfig(n_samples=200, epochs=15, hidden=(4,))


def test_the_names_are_the_issues_names_in_canonical_order():
    assert features.NAMES == ("x1", "x2", "x1sq", "x2sq", "x1x2", "sin_x1", "sin_x2")
    assert features.DEFAULT == RunConfig().features == ("x1", "x2")
    assert [features.LABELS[n] for n in features.NAMES] == [
        "x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂",
    ]  # fmt: skip


@pytest.mark.parametrize("name", features.NAMES)
def test_each_feature_alone_is_its_formula(name):
    np.testing.assert_allclose(features.expand(P, [name])[:, 0], EXPECTED[name], atol=1e-15)


@pytest.mark.parametrize("name", features.NAMES)
def test_the_code_the_scripts_write_computes_the_same_numbers(name):
    entry = features.get(name)
    column = eval(entry.code, {"np": np, "P": P})  # noqa: S307 (our own constant text)
    np.testing.assert_array_equal(column, entry.f(P))


def test_expand_orders_columns_canonically_and_keeps_the_plain_point():
    got = features.expand(P, ["sin_x2", "x1sq", "x1"])
    np.testing.assert_allclose(
        got, np.column_stack([EXPECTED[n] for n in ("x1", "x1sq", "sin_x2")])
    )
    assert features.expand(P, ["x2", "x1"]) is P  # no copy for the default
    with pytest.raises(ValueError, match="Valid: x1, x2"):
        features.get("x3")


def test_inputs_apply_the_features_then_the_scaler_and_survive_pickling():
    chosen = ("x1sq", "x2sq")
    inputs = features.inputs(chosen, make_scaler("standard")).fit(P)
    alone = make_scaler("standard").fit(features.expand(P, chosen))
    np.testing.assert_array_equal(inputs.transform(P), alone.transform(features.expand(P, chosen)))
    np.testing.assert_array_equal(inputs.mean_, alone.mean_)  # fitted attributes read through
    back = pickle.loads(pickle.dumps(inputs))
    np.testing.assert_array_equal(back.transform(P), inputs.transform(P))
    plain = make_scaler("minmax")
    assert features.inputs(("x2", "x1"), plain) is plain  # the default: the scaler alone


def test_circles_become_linearly_separable_with_squares():
    """The classic: no hidden layer cannot split circles from (x₁, x₂), but can from x₁², x₂²."""
    base = RunConfig(dataset="circles", hidden=(), epochs=60, noise=0.1)
    plain = run(base)
    squares = run(replace(base, features=("x1sq", "x2sq")))
    assert plain.model.sizes == [2, 1] and squares.model.sizes == [2, 1]
    assert plain.final.test_accuracy < 0.7 < 0.95 < squares.final.test_accuracy


def test_input_width_follows_and_the_boundary_stays_in_the_plane():
    r = run(replace(SMALL, features=("x1", "x2", "x1x2", "sin_x1", "sin_x2")))
    assert r.model.sizes[0] == 5
    assert r.grid.points.shape[1] == 2 and r.X_train.shape[1] == 2  # original units
    assert r.snapshots.shape[1] == len(r.grid.x) * len(r.grid.y)
    net_in = r.scaler.transform(r.grid.points)
    assert net_in.shape == (len(r.grid.points), 5)
    np.testing.assert_allclose(r.model.forward(net_in), r.snapshots[-1], rtol=1e-6, atol=1e-7)


def test_runs_differing_only_in_features_do_not_share_a_setup():
    a, b = SMALL, replace(SMALL, features=("x1", "x2", "x1sq"))
    setups: dict = {}
    pa, pb = _prepare(a, None, True, setups), _prepare(b, None, True, setups)
    assert len(setups) == 2
    assert pa.trainer.X_tr.shape[1] == 2 and pb.trainer.X_tr.shape[1] == 3


def test_run_many_equals_run_with_features():
    configs = [
        replace(SMALL, features=("x1sq", "x2sq"), seed=s, learning_rate=lr)
        for s, lr in [(0, 0.01), (1, 0.01), (0, 0.03)]
    ] + [SMALL, replace(SMALL, features=("x1", "x2", "x1x2"))]
    for a, c in zip(run_many(configs), configs, strict=True):
        b = run(c)
        assert a.config == c and a.model.sizes == b.model.sizes
        np.testing.assert_array_equal(a.history.to_numpy(), b.history.to_numpy())
        np.testing.assert_array_equal(a.model.flat, b.model.flat)


def test_what_the_scaler_saw_and_its_titles():
    plain = make_scaler("standard").fit(P)
    assert features.before_scaler(plain, P) is P and features.titles(plain) == {}
    squares = features.inputs(("x2sq", "x1sq"), make_scaler("standard")).fit(P)
    np.testing.assert_array_equal(features.before_scaler(squares, P), P * P)
    assert features.titles(squares) == {"x": "x₁²", "y": "x₂²"}
    one = features.inputs(("sin_x2",), make_scaler("none")).fit(P)
    assert features.titles(one) == {"x": "sin x₂"}


def test_the_compare_table_names_features_by_their_labels():
    from playground.app.pages.compare import _value_text

    assert _value_text("features", ("x1", "x1sq", "sin_x2")) == "x₁, x₁², sin x₂"
    assert _value_text("hidden", (8, 4, 2)) == "8 × 4 × 2"  # a width per layer
