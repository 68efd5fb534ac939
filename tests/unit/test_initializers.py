"""Reference tests for `playground.nn.initializers` (definitions as in `torch.nn.init`).

W has shape (fan_in, fan_out). Normal kinds are plain (untruncated) normals N(0, σ²); uniform
kinds are U(−r, r), whose standard deviation is r/√3:

    glorot_normal  σ = √(2/(in+out))    glorot_uniform r = √(6/(in+out))
    he_normal      σ = √(2/in)          he_uniform     r = √(6/in)
    lecun_normal   σ = √(1/in)          lecun_uniform  r = √(3/in)
    random_normal  σ = 0.05             random_uniform r = 0.05
    zeros          all zero
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from playground.nn import initializers

REQUIRED = (
    "zeros",
    "random_normal",
    "random_uniform",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "lecun_normal",
    "lecun_uniform",
)

NORMAL_STD = {
    "glorot_normal": lambda fi, fo: math.sqrt(2.0 / (fi + fo)),
    "he_normal": lambda fi, fo: math.sqrt(2.0 / fi),
    "lecun_normal": lambda fi, fo: math.sqrt(1.0 / fi),
    "random_normal": lambda fi, fo: 0.05,
}
UNIFORM_BOUND = {
    "glorot_uniform": lambda fi, fo: math.sqrt(6.0 / (fi + fo)),
    "he_uniform": lambda fi, fo: math.sqrt(6.0 / fi),
    "lecun_uniform": lambda fi, fo: math.sqrt(3.0 / fi),
    "random_uniform": lambda fi, fo: 0.05,
}
# Large, non-square draws in both orientations, so swapping fan_in and fan_out is caught.
BIG_SHAPES = ((400, 300), (200, 600))

STD_RTOL = 0.03  # relative standard error of the std estimate at n = 120 000 is ≈ 0.2 %


def draw(name, shape, seed=0):
    return initializers.get(name)(shape, np.random.default_rng(seed))


def test_names_include_the_required_initializers():
    assert set(REQUIRED) <= set(initializers.NAMES)
    assert all(isinstance(n, str) for n in initializers.NAMES)


def test_unknown_name_raises_value_error_listing_valid_names():
    with pytest.raises(ValueError) as excinfo:
        initializers.get("no_such_initializer")
    message = str(excinfo.value)
    for name in initializers.NAMES:
        assert name in message, f"{name!r} missing from error message: {message!r}"


# ---- generic contract, for every registered name (a new name is covered automatically) ----


@pytest.mark.parametrize("name", list(initializers.NAMES))
@pytest.mark.parametrize("shape", [(5, 7), (1, 3), (8, 1)])
def test_shape_and_dtype(name, shape):
    w = draw(name, shape)
    assert isinstance(w, np.ndarray)
    assert w.shape == shape
    assert w.dtype == np.float64
    assert np.all(np.isfinite(w))


@pytest.mark.parametrize("name", list(initializers.NAMES))
def test_deterministic_for_the_same_seed(name):
    np.testing.assert_array_equal(draw(name, (6, 4), seed=42), draw(name, (6, 4), seed=42))


@pytest.mark.parametrize("name", [n for n in initializers.NAMES if n != "zeros"])
def test_differs_for_a_different_seed(name):
    assert not np.array_equal(draw(name, (6, 4), seed=1), draw(name, (6, 4), seed=2))


@pytest.mark.parametrize("name", [n for n in initializers.NAMES if n != "zeros"])
def test_draws_from_the_given_generator(name):
    """Randomness comes from `rng` (global NumPy state is covered by the determinism test):
    consecutive draws from one generator differ."""
    rng = np.random.default_rng(0)
    init = initializers.get(name)
    first, second = init((6, 4), rng), init((6, 4), rng)
    assert not np.array_equal(first, second)


# ---- definitions ----


def test_zeros():
    w = draw("zeros", (400, 300))
    assert w.shape == (400, 300)
    assert w.dtype == np.float64
    assert np.all(w == 0.0)


@pytest.mark.parametrize("shape", BIG_SHAPES)
@pytest.mark.parametrize("name", sorted(NORMAL_STD))
def test_normal_statistics(name, shape):
    fan_in, fan_out = shape
    sigma = NORMAL_STD[name](fan_in, fan_out)
    w = draw(name, shape, seed=123)
    n = w.size
    assert abs(w.mean()) < 5.0 * sigma / math.sqrt(n)
    assert w.std() == pytest.approx(sigma, rel=STD_RTOL)
    # plain, untruncated normal: ≈ 68.27 % within 1σ, and tails beyond 3.5σ do occur
    assert np.mean(np.abs(w) <= sigma) == pytest.approx(0.6827, abs=0.01)
    assert np.max(np.abs(w)) > 3.5 * sigma


@pytest.mark.parametrize("shape", BIG_SHAPES)
@pytest.mark.parametrize("name", sorted(UNIFORM_BOUND))
def test_uniform_statistics(name, shape):
    fan_in, fan_out = shape
    r = UNIFORM_BOUND[name](fan_in, fan_out)
    w = draw(name, shape, seed=321)
    n = w.size
    assert np.all(w >= -r) and np.all(w <= r)
    assert w.max() > 0.999 * r and w.min() < -0.999 * r
    assert abs(w.mean()) < 5.0 * (r / math.sqrt(3.0)) / math.sqrt(n)
    assert w.std() == pytest.approx(r / math.sqrt(3.0), rel=STD_RTOL)
    assert np.mean(np.abs(w) <= r / 2) == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("name", sorted(NORMAL_STD) + sorted(UNIFORM_BOUND))
def test_entries_are_not_repeated(name):
    """Every entry is its own draw (no broadcast row or column)."""
    w = draw(name, (50, 40), seed=8)
    assert np.unique(w).size == w.size
