"""The written-out back-propagation agrees with the network's own `loss_and_grads`."""

import itertools

import numpy as np
import pytest

from playground import backprop
from playground.nn.network import MLP

X4 = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
Y4 = np.array([0, 1, 1, 0])


def _net(activation: str, sizes=(2, 2, 1), output: str = "sigmoid", seed: int = 0) -> MLP:
    net = MLP(list(sizes), activation, output, "glorot_uniform", seed=seed)
    net.flat += np.random.default_rng(seed + 1).normal(0, 0.3, net.flat.size)  # biases ≠ 0
    return net


CASES = list(
    itertools.product(["sigmoid", "tanh", "relu"], [[1], [0, 1, 2, 3]], [(2, 2, 1), (2, 3, 2, 1)])
)


@pytest.mark.parametrize(("activation", "rows", "sizes"), CASES)
@pytest.mark.parametrize("loss", backprop.LOSSES)
def test_gradients_equal_loss_and_grads(activation, rows, sizes, loss):
    net = _net(activation, sizes)
    X, y = X4[rows], Y4[rows]
    walk = backprop.walkthrough(net, X, y, loss, lr=0.5)
    value, grads = net.loss_and_grads(X, y, loss)
    assert abs(walk.loss - value) < 1e-12
    assert len(walk.grads) == len(grads)
    for mine, ref in zip(walk.grads, grads, strict=True):
        np.testing.assert_allclose(mine, ref, rtol=0, atol=1e-12)


@pytest.mark.parametrize(("activation", "rows", "sizes"), CASES)
def test_updated_weights_are_one_gradient_descent_step(activation, rows, sizes):
    net, lr = _net(activation, sizes), 0.7
    X, y = X4[rows], Y4[rows]
    before = [p.copy() for p in net.params]
    walk = backprop.walkthrough(net, X, y, lr=lr)
    _, grads = net.loss_and_grads(X, y)
    for new, p, g in zip(walk.new_params, before, grads, strict=True):
        np.testing.assert_allclose(new, p - lr * g, rtol=0, atol=1e-12)
    for p, q in zip(net.params, before, strict=True):  # walkthrough leaves the net alone
        np.testing.assert_array_equal(p, q)
    backprop.apply(net, walk)
    for p, q in zip(net.params, walk.new_params, strict=True):
        np.testing.assert_array_equal(p, q)
    assert abs(walk.loss_after - net.loss_and_grads(X, y)[0]) < 1e-12


@pytest.mark.parametrize(("activation", "rows", "sizes"), CASES)
def test_forward_values_equal_forward_cache(activation, rows, sizes):
    net = _net(activation, sizes)
    X = X4[rows]
    walk = backprop.walkthrough(net, X, Y4[rows])
    zs, acts = net.forward_cache(X)
    assert len(walk.layers) == net.n_layers
    for l, layer in enumerate(walk.layers):
        np.testing.assert_allclose(layer.z, zs[l], rtol=0, atol=1e-12)
        np.testing.assert_allclose(layer.a_in, acts[l], rtol=0, atol=1e-12)
        np.testing.assert_array_equal(layer.W, net.params[2 * l])
    np.testing.assert_allclose(walk.prediction, net.forward(X), rtol=0, atol=1e-12)
    np.testing.assert_allclose(walk.error, net.forward(X) - Y4[rows][:, None], atol=1e-12)


def test_the_chain_rule_written_out_for_a_2_2_1_sigmoid_net():
    """Every number of one iteration by hand, sample (0, 1) → 1, cross entropy, η = 0.5."""
    net = _net("sigmoid")
    (W1, b1, W2, b2), x, y = net.params, X4[1], 1.0
    walk = backprop.walkthrough(net, x[None], [1], lr=0.5)
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z1 = x @ W1 + b1
    h = sig(z1)
    z2 = h @ W2[:, 0] + b2[0]
    p = sig(z2)
    d2 = p - y  # δ_out = (p − y)/n, n = 1
    e1 = d2 * W2[:, 0]  # error sent back to each hidden node
    d1 = e1 * h * (1 - h)
    hidden, out = walk.layers
    np.testing.assert_allclose(hidden.z[0], z1, atol=1e-15)
    np.testing.assert_allclose(hidden.a[0], h, atol=1e-15)
    np.testing.assert_allclose(out.a[0, 0], p, atol=1e-15)
    assert abs(walk.loss + np.log(p)) < 1e-14
    np.testing.assert_allclose(out.grad_a[0, 0], -1 / p, rtol=1e-12)  # ∂L/∂p = −y/p
    np.testing.assert_allclose(out.delta[0, 0], d2, atol=1e-15)
    np.testing.assert_allclose(hidden.grad_a[0], e1, atol=1e-15)
    np.testing.assert_allclose(hidden.delta[0], d1, atol=1e-15)
    np.testing.assert_allclose(hidden.share, np.abs(d1) / np.abs(d1).sum(), atol=1e-15)
    np.testing.assert_array_equal(out.share, [1.0])
    np.testing.assert_allclose(out.dW[:, 0], d2 * h, atol=1e-15)
    np.testing.assert_allclose(hidden.dW, np.outer(x, d1), atol=1e-15)
    np.testing.assert_allclose(hidden.W_new, W1 - 0.5 * np.outer(x, d1), atol=1e-15)
    assert walk.loss_after < walk.loss  # the step lowered the error


def test_shares_add_up_to_one_and_dead_relu_layers_pass_nothing():
    net = _net("relu", (2, 3, 1))
    walk = backprop.walkthrough(net, X4, Y4)
    for layer in walk.layers:
        assert abs(layer.share.sum() - 1.0) < 1e-12
    net.params[1][...] = -10.0  # every hidden ReLU is off
    hidden = backprop.walkthrough(net, X4, Y4).layers[0]
    np.testing.assert_array_equal(hidden.delta, 0.0)
    np.testing.assert_array_equal(hidden.share, 0.0)


def test_iterate_lowers_the_loss_and_matches_repeated_steps():
    net = _net("tanh")
    walks = backprop.iterate(net, X4, Y4, 5, lr=0.5)
    assert [w.loss_after for w in walks[:-1]] == [w.loss for w in walks[1:]]
    assert walks[-1].loss_after < walks[0].loss


def test_softmax_output_and_mse_also_match():
    for output, loss in [("softmax", "cross_entropy"), ("softmax", "mse"), ("linear", "mse")]:
        net = _net("tanh", (2, 3, 2), output)
        walk = backprop.walkthrough(net, X4, Y4, loss)
        value, grads = net.loss_and_grads(X4, Y4, loss)
        assert abs(walk.loss - value) < 1e-12
        for mine, ref in zip(walk.grads, grads, strict=True):
            np.testing.assert_allclose(mine, ref, rtol=0, atol=1e-12)


def test_unsupported_setups_say_what_is_handled():
    with pytest.raises(ValueError, match="relu"):
        backprop.walkthrough(MLP([2, 2, 1], "maxout"), X4, Y4)
    with pytest.raises(ValueError, match="linear"):
        backprop.walkthrough(MLP([2, 2, 1], "tanh", "linear"), X4, Y4)
