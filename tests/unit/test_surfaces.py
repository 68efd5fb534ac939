"""Loss surfaces: exact gradients, minima, and optimizer paths from the project's optimizers."""

import numpy as np
import pytest

from playground import surfaces
from playground.nn import optimizers


def _points(s: surfaces.Surface, n: int = 25, seed: int = 0) -> np.ndarray:
    x0, x1, y0, y1 = s.box
    rng = np.random.default_rng(seed)
    return np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)])


@pytest.mark.parametrize("name", surfaces.NAMES)
def test_gradient_matches_central_differences(name):
    s, h = surfaces.get(name), 1e-6
    for w in _points(s):
        numeric = [(s.f(w + h * e) - s.f(w - h * e)) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(s.grad(w), numeric, rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("name", surfaces.NAMES)
def test_f_and_grad_work_on_grids(name):
    s = surfaces.get(name)
    W = _points(s).reshape(5, 5, 2)
    assert s.f(W).shape == (5, 5) and s.grad(W).shape == (5, 5, 2)
    np.testing.assert_array_equal(s.grad(W)[2, 3], s.grad(W[2, 3]))
    xs, ys, F = surfaces.grid(s, 7)
    assert F.shape == (7, 7) and F[2, 4] == s.f(np.array([xs[4], ys[2]]))


@pytest.mark.parametrize("name", surfaces.NAMES)
def test_minima_are_minima_and_inside_the_box(name):
    s = surfaces.get(name)
    x0, x1, y0, y1 = s.box
    assert sum(m.kind == "global" for m in s.minima) >= 1
    assert len({m.label for m in s.minima}) == len(s.minima)
    for m in s.minima:
        w = np.array(m.point)
        assert x0 < w[0] < x1 and y0 < w[1] < y1
        np.testing.assert_allclose(s.grad(w), 0.0, atol=1e-12)
        ring = w + 0.05 * np.column_stack([np.cos(np.arange(8)), np.sin(np.arange(8))])
        assert np.all(s.f(ring) > s.f(w))  # a minimum, not a saddle
        assert (s.f(w) <= s.f_min + 1e-12) == (m.kind == "global")
        assert surfaces.which_minimum(s, w) == m.label
    assert surfaces.which_minimum(s, [np.nan, 0.0]) is None


def test_saddle_point_is_not_a_minimum():
    s = surfaces.get("saddle")
    assert s.saddles == ((0.0, 0.0),)
    np.testing.assert_array_equal(s.grad(np.zeros(2)), 0.0)
    assert surfaces.which_minimum(s, np.zeros(2)) is None


def test_unknown_surface_lists_valid_names():
    with pytest.raises(ValueError, match="valley"):
        surfaces.get("nope")


@pytest.mark.parametrize("name", surfaces.NAMES)
@pytest.mark.parametrize("opt", optimizers.NAMES)
def test_paths_are_deterministic(name, opt):
    s = surfaces.get(name)
    a = surfaces.path(s, opt, s.lr, 30)
    b = surfaces.path(name, opt, s.lr, 30)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (31, 2) and tuple(a[0]) == s.start
    n1 = surfaces.path(s, opt, s.lr, 30, noise=s.noise, rng=np.random.default_rng(7))
    n2 = surfaces.path(s, opt, s.lr, 30, noise=s.noise, rng=np.random.default_rng(7))
    np.testing.assert_array_equal(n1, n2)
    assert not np.array_equal(n1, a)  # SGD: the noisy gradient changes the path


def test_plain_gd_on_the_bowl_is_w_minus_lr_times_gradient():
    lr, w = 0.1, np.array([-4.0, 2.5])
    expected = [w.copy()]
    for _ in range(20):
        w = w - lr * np.array([w[0], 4.0 * w[1]])  # ∇f of ½(w1² + 4 w2²)
        expected.append(w.copy())
    got = surfaces.path("bowl", "sgd", lr, 20)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-15)


def test_sgd_noise_is_gradient_plus_gaussian():
    rng = np.random.default_rng(3)
    noise = rng.normal(0.0, 0.5, (5, 2))
    w, lr, expected = np.array([-4.0, 2.5]), 0.1, []
    for e in noise:
        w = w - lr * (np.array([w[0], 4.0 * w[1]]) + e)
        expected.append(w)
    got = surfaces.path("bowl", "sgd", lr, 5, noise=0.5, rng=np.random.default_rng(3))
    np.testing.assert_allclose(got[1:], expected, atol=1e-15)


def test_hyper_parameters_reach_the_optimizer():
    plain = surfaces.path("bowl", "momentum", 0.05, 10)
    slow = surfaces.path("bowl", "momentum", 0.05, 10, momentum=0.5)
    assert not np.array_equal(plain, slow)
    np.testing.assert_array_equal(slow, surfaces.path("bowl", "sgd", 0.05, 10, momentum=0.5))


def test_adam_reaches_the_global_minimum_of_the_bowl():
    s = surfaces.get("bowl")
    p = surfaces.path(s, "adam", s.lr, s.steps)
    assert surfaces.stopped_at(p) is None
    assert surfaces.which_minimum(s, surfaces.final_point(p)) == "global"
    assert s.f(p[-1]) < 1e-3


def test_local_global_optimizers_end_in_different_minima():
    """From the default start (1.9, 1.8), lr 0.02, 200 steps: plain GD rolls into the nearest,
    shallowest well; momentum carries the ball over both ridges into the deepest one."""
    s = surfaces.get("local_global")
    end = {
        o: surfaces.which_minimum(s, surfaces.final_point(surfaces.path(s, o, s.lr, s.steps)))
        for o in ("sgd", "momentum", "nesterov", "adam")
    }
    assert end == {"sgd": "local 3", "momentum": "global", "nesterov": "global", "adam": "local 3"}
    assert surfaces.minimum(s, "local 3").kind == "local"
    assert (
        surfaces.minimum(s, "local 3").point[0] > 0 and surfaces.minimum(s, "global").point[0] < 0
    )


def test_saddle_slows_plain_gd_and_noise_picks_a_side():
    s = surfaces.get("saddle")
    gd = surfaces.path(s, "sgd", s.lr, s.steps)
    assert np.min(np.hypot(gd[:, 0], gd[:, 1])) < 0.2  # passes close by the saddle point
    assert surfaces.which_minimum(s, gd[-1]) == "global 1"  # the start's tiny w2 > 0 wins
    flat = surfaces.path(s, "sgd", s.lr, s.steps, start=(-2.5, 0.0))
    assert surfaces.which_minimum(s, flat[-1]) is None  # exactly on the ridge: stuck forever
    sides = {
        surfaces.which_minimum(
            s,
            surfaces.path(s, "sgd", s.lr, s.steps, (-2.5, 0.0), 0.3, np.random.default_rng(k))[-1],
        )
        for k in range(6)
    }
    assert sides == {"global 1", "global 2"}


@pytest.mark.parametrize("opt", ["sgd", "momentum", "nesterov"])
def test_too_large_a_learning_rate_diverges_and_stops(opt):
    s = surfaces.get("valley")
    p = surfaces.path(s, opt, 0.05, 100)
    stop = surfaces.stopped_at(p)
    assert stop is not None and stop < 10
    assert np.all(np.isnan(p[stop:])) and np.all(np.isfinite(p[:stop]))
    np.testing.assert_array_equal(surfaces.final_point(p), p[stop - 1])
    assert surfaces.which_minimum(s, surfaces.final_point(p)) is None


def test_losses_follow_the_path():
    s = surfaces.get("bowl")
    p = surfaces.path(s, "sgd", s.lr, 10)
    loss = surfaces.losses(s, p)
    assert loss.shape == (11,) and np.all(np.diff(loss) < 0)
