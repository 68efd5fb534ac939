"""L1 regularization: the penalty l1·Σ|W| over the weight matrices (not the biases), its
subgradient l1·sign(W) (0 at w = 0), beside L2 exactly as L2 is defined (DESIGN.md)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from playground.nn import activations
from playground.nn.network import MLP


def _data(k: int = 2, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(9, 2)), np.arange(9) % k


def _net(activation: str = "tanh", k: int = 2, seed: int = 3) -> MLP:
    net = MLP([2, 4, 3, 1 if k == 2 else k], activation, "sigmoid" if k == 2 else "softmax",
              "glorot_normal", seed=seed)  # fmt: skip
    net.flat += np.random.default_rng(5).normal(0, 0.1, net.flat.size)  # non-zero biases too
    return net


def _numeric(net: MLP, X, y, l1: float, l2: float, h: float = 1e-6) -> np.ndarray:
    out = np.zeros_like(net.flat)
    for i in range(net.flat.size):
        old = net.flat[i]
        net.flat[i] = old + h
        up = net.loss_and_grads(X, y, l2=l2, l1=l1)[0]
        net.flat[i] = old - h
        down = net.loss_and_grads(X, y, l2=l2, l1=l1)[0]
        net.flat[i] = old
        out[i] = (up - down) / (2 * h)
    return out


@pytest.mark.parametrize("activation", activations.NAMES)
@pytest.mark.parametrize(("l1", "l2", "k"), [(0.1, 0.0, 2), (0.03, 0.1, 2), (0.2, 0.0, 3)])
def test_gradient_with_l1_matches_finite_differences(activation, l1, l2, k):
    X, y = _data(k)
    net = _net(activation, k)
    assert np.min(np.abs(net.flat)) > 1e-4  # away from 0, where |w| has no derivative
    value, grads = net.loss_and_grads(X, y, l2=l2, l1=l1)
    analytic = np.concatenate([g.ravel() for g in grads])
    np.testing.assert_allclose(analytic, _numeric(net, X, y, l1, l2), rtol=1e-5, atol=1e-7)


def test_penalty_is_l1_times_sum_of_absolute_weights_only():
    X, y = _data()
    net = _net()
    for b in net.params[1::2]:
        b[:] = -7.0  # biases must not be penalised
    base = net.loss_and_grads(X, y)[0]
    expected = 0.25 * sum(np.sum(np.abs(W)) for W in net.params[0::2])
    assert net.loss_and_grads(X, y, l1=0.25)[0] - base == pytest.approx(expected, rel=1e-12)
    both = net.loss_and_grads(X, y, l2=0.5, l1=0.25)[0]
    l2_part = 0.25 * sum(np.sum(W * W) for W in net.params[0::2])
    assert both - base == pytest.approx(expected + l2_part, rel=1e-12)


def test_subgradient_is_sign_of_w_and_zero_at_zero():
    X, y = _data()
    net = _net()
    W1 = net.params[0]
    W1[0, 0], W1[1, 2] = 0.0, -0.0
    plain = [g.copy() for g in net.loss_and_grads(X, y)[1]]
    with_l1 = net.loss_and_grads(X, y, l1=0.5)[1]
    for l, W in enumerate(net.params[0::2]):
        np.testing.assert_allclose(with_l1[2 * l] - plain[2 * l], 0.5 * np.sign(W), atol=1e-15)
        np.testing.assert_array_equal(with_l1[2 * l + 1], plain[2 * l + 1])  # biases: no term
    diff = with_l1[0] - plain[0]
    assert diff[0, 0] == 0.0 and diff[1, 2] == 0.0  # 0 at w = 0, not ±l1
    assert diff[0, 1] == pytest.approx(0.5 * np.sign(W1[0, 1]))


# ---- the weights picture: L1 leaves many weights (near) zero, L2 none -------------------------
def test_near_zero_counts_below_the_tolerance_only():
    from playground.charts import weights as wcharts

    w = np.array([0.0, -0.0, 5e-4, -9.99e-4, 1e-3, -0.002, 3.0])
    assert wcharts.near_zero(w) == 4
    assert wcharts.near_zero(w, tol=1e-2) == 6
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=0)
    net.params[1][:] = 0.0  # biases are not weights
    assert wcharts.weights(net).size == 2 * 3 + 3 * 1


def test_l1_leaves_more_weights_near_zero_than_l2_at_equal_strength():
    """The Learn page's claim, on its own setup (moons, the default 8-8 network, 200 epochs):
    measured 44 of 88 weights under 1e-3 with L1 = 0.003, none with L2 = 0.003 or without."""
    from playground.app.pages.learn.regularization import SETUP, STRENGTH
    from playground.charts import weights as wcharts
    from playground.experiment import run_many

    none, l2, l1 = run_many([SETUP, replace(SETUP, l2=STRENGTH), replace(SETUP, l1=STRENGTH)])
    counts = [wcharts.near_zero(wcharts.weights(r.model)) for r in (none, l2, l1)]
    assert counts[0] == counts[1] == 0
    assert counts[2] >= 30  # of 88
    for r in (none, l2, l1):  # all three still learn moons
        assert r.final["test_accuracy"] >= 0.9
    chart = wcharts.magnitude_lines(
        {"none": wcharts.weights(none.model), "L1": wcharts.weights(l1.model)},
        {"x": "rank", "y": "|w|", "run": "penalty", "near_zero": "near 0"},
    ).to_dict()
    rows = next(d for d in chart["datasets"].values() if d and "run" in d[0])
    l1_rows = [row["w"] for row in rows if row.get("run") == "L1"]
    assert len(l1_rows) == 88 and l1_rows == sorted(l1_rows, reverse=True)
    assert sum(v < wcharts.NEAR_ZERO for v in l1_rows) == counts[2]
