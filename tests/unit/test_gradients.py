"""Back-propagation checked by central finite differences (float64), over the registries."""

import itertools

import numpy as np
import pytest

from playground.nn import activations, losses
from playground.nn.network import MLP

OUTPUTS = {"sigmoid": 2, "softmax": 3, "linear": 2}  # output -> number of classes


def _data(k: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(7, 2))
    y = np.arange(7) % k
    return X, y


def _numeric_grads(net: MLP, X, y, loss: str, l2: float, h: float = 1e-6):
    """(L(θ + h e_i) − L(θ − h e_i)) / 2h for every entry of the flat parameter vector."""
    out = np.zeros_like(net.flat)
    for i in range(net.flat.size):
        old = net.flat[i]
        net.flat[i] = old + h
        up = net.loss_and_grads(X, y, loss, l2)[0]
        net.flat[i] = old - h
        down = net.loss_and_grads(X, y, loss, l2)[0]
        net.flat[i] = old
        out[i] = (up - down) / (2 * h)
    return out


CASES = [
    (act, out, loss, l2)
    for act, (out, loss), l2 in itertools.product(
        activations.NAMES,
        [
            (o, lo)
            for o in OUTPUTS
            for lo in losses.NAMES
            if not (o == "linear" and lo == "cross_entropy")
        ],
        [0.0, 0.1],
    )
]


@pytest.mark.parametrize(("activation", "output", "loss", "l2"), CASES)
def test_backprop_matches_finite_differences(activation, output, loss, l2):
    k = OUTPUTS[output]
    n_out = 1 if (output == "sigmoid" or (output == "linear" and k == 2)) else k
    X, y = _data(k)
    net = MLP([2, 4, 3, n_out], activation, output, "glorot_normal", seed=3)
    net.flat += np.random.default_rng(5).normal(0, 0.1, net.flat.size)  # non-zero biases too
    value, grads = net.loss_and_grads(X, y, loss, l2)
    assert np.isfinite(value)
    analytic = np.concatenate([g.ravel() for g in grads])
    numeric = _numeric_grads(net, X, y, loss, l2)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-7)


def test_grads_match_params_layout():
    net = MLP([2, 5, 4, 3], "maxout", "softmax", seed=0)
    _, grads = net.loss_and_grads(np.ones((3, 2)), np.array([0, 1, 2]))
    assert [g.shape for g in grads] == [p.shape for p in net.params]
    assert net.params[0].shape == (2, 10)  # maxout: 2 linear pieces per unit
    assert net.params[-2].shape == (4, 3)  # the output layer sees 4 maxout units


def test_l2_penalty_is_half_l2_sum_of_squared_weights_only():
    X, y = _data(2)
    net = MLP([2, 3, 1], "tanh", "sigmoid", seed=0)
    net.params[1][:] = 5.0  # biases must not be penalised
    base = net.loss_and_grads(X, y, "cross_entropy", 0.0)[0]
    with_l2 = net.loss_and_grads(X, y, "cross_entropy", 0.3)[0]
    expected = 0.5 * 0.3 * sum(np.sum(W**2) for W in net.params[0::2])
    assert with_l2 - base == pytest.approx(expected, rel=1e-12)


def test_cross_entropy_matches_closed_forms():
    z = np.array([[2.0], [-1.0], [800.0], [-800.0]])
    Y = np.array([[1.0], [0.0], [1.0], [0.0]])
    value, _ = losses.cross_entropy(z, Y, "sigmoid")
    expected = np.mean([np.log1p(np.exp(-2.0)), np.log1p(np.exp(-1.0)), 0.0, 0.0])
    assert value == pytest.approx(expected, rel=1e-12)  # and no overflow for |z| = 800
    z3 = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0]])
    Y3 = np.eye(3)[[2, 0]]
    v3, _ = losses.cross_entropy(z3, Y3, "softmax")
    first = -np.log(np.exp(3.0) / np.exp([1.0, 2.0, 3.0]).sum())
    assert v3 == pytest.approx(first / 2, rel=1e-12)


def test_mse_is_torch_mean_over_all_elements():
    z = np.array([[0.0, 1.0], [2.0, -1.0]])
    Y = np.array([[1.0, 0.0], [0.0, 1.0]])
    value, _ = losses.mse(z, Y, "linear")
    assert value == pytest.approx(np.mean((z - Y) ** 2))


def test_a_pickled_network_keeps_its_weights_as_views_of_one_vector():
    import pickle

    net = MLP([2, 3, 2], "maxout", "softmax", seed=1)
    copy = pickle.loads(pickle.dumps(net))
    X = np.random.default_rng(0).normal(size=(5, 2))
    np.testing.assert_array_equal(copy.forward(X), net.forward(X))
    copy.flat[:] = 0.0  # the params must still be views into flat
    assert all(not p.any() for p in copy.params)
