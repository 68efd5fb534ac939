"""Reference tests for `playground.nn.optimizers` against the `torch.optim` update rules.

Each reference below is an independent, plain NumPy transcription of the "Algorithm" box in
the PyTorch documentation of the optimizer (torch.optim.SGD, Adagrad, RMSprop, Adam, AdamW),
with torch's default hyper-parameters. PyTorch itself is not used.

Conventions shared by all of them (as in torch): the step counter t starts at 1; weight decay
(L2, coupled) adds λ·θ to the gradient of *every* parameter; AdamW instead shrinks θ by γ·λ·θ
before the Adam step (decoupled).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pytest

from playground.nn import optimizers

RTOL = 1e-12
ATOL = 1e-14

REQUIRED = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw")

# Hyper-parameter keywords each optimizer accepts (exactly torch's names), besides `lr`.
SGD_KW = ("momentum", "dampening", "weight_decay", "nesterov")
VALID_KW = {
    "sgd": SGD_KW,
    "momentum": SGD_KW,
    "nesterov": SGD_KW,
    "adagrad": ("lr_decay", "weight_decay", "initial_accumulator_value", "eps"),
    "rmsprop": ("alpha", "eps", "weight_decay", "momentum", "centered"),
    "adam": ("betas", "eps", "weight_decay", "amsgrad"),
    "adamw": ("betas", "eps", "weight_decay", "amsgrad"),
}


# --------------------------------------------------------------------------------------------
# Reference update rules: one parameter array, a sequence of gradients -> θ after each step.
# --------------------------------------------------------------------------------------------


def ref_sgd(theta, grads, lr, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    """torch.optim.SGD: b_1 = g_1 (no dampening on the first step), b_t = μ b + (1−τ) g."""
    theta = np.array(theta, dtype=np.float64)
    buf = None
    out = []
    for t, grad in enumerate(grads, start=1):
        g = np.array(grad, dtype=np.float64)
        if weight_decay != 0:
            g = g + weight_decay * theta
        if momentum != 0:
            buf = g.copy() if t == 1 else momentum * buf + (1.0 - dampening) * g
            g = g + momentum * buf if nesterov else buf
        theta = theta - lr * g
        out.append(theta.copy())
    return out


def ref_adagrad(
    theta, grads, lr, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10
):
    """torch.optim.Adagrad: γ̃ = γ / (1 + (t−1)η); s += g²; θ −= γ̃ g / (√s + ε)."""
    theta = np.array(theta, dtype=np.float64)
    state_sum = np.full_like(theta, initial_accumulator_value)
    out = []
    for t, grad in enumerate(grads, start=1):
        g = np.array(grad, dtype=np.float64)
        clr = lr / (1.0 + (t - 1) * lr_decay)
        if weight_decay != 0:
            g = g + weight_decay * theta
        state_sum = state_sum + g * g
        theta = theta - clr * g / (np.sqrt(state_sum) + eps)
        out.append(theta.copy())
    return out


def ref_rmsprop(
    theta, grads, lr, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False
):
    """torch.optim.RMSprop, including the centered and momentum variants."""
    theta = np.array(theta, dtype=np.float64)
    v = np.zeros_like(theta)
    g_ave = np.zeros_like(theta)
    buf = np.zeros_like(theta)
    out = []
    for grad in grads:
        g = np.array(grad, dtype=np.float64)
        if weight_decay != 0:
            g = g + weight_decay * theta
        v = alpha * v + (1.0 - alpha) * g * g
        v_tilde = v
        if centered:
            g_ave = alpha * g_ave + (1.0 - alpha) * g
            v_tilde = v - g_ave * g_ave
        if momentum > 0:
            buf = momentum * buf + g / (np.sqrt(v_tilde) + eps)
            theta = theta - lr * buf
        else:
            theta = theta - lr * g / (np.sqrt(v_tilde) + eps)
        out.append(theta.copy())
    return out


def ref_adam(
    theta,
    grads,
    lr,
    betas=(0.9, 0.999),
    eps=1e-8,
    weight_decay=0.0,
    amsgrad=False,
    decoupled=False,
):
    """torch.optim.Adam (decoupled=False) / AdamW (decoupled=True).

    amsgrad as torch computes it: v_max = max(v_max, v_t) on the raw second moment, and the
    bias correction is applied afterwards: v̂ = v_max / (1 − β₂ᵗ).
    """
    beta1, beta2 = betas
    theta = np.array(theta, dtype=np.float64)
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    v_max = np.zeros_like(theta)
    out = []
    for t, grad in enumerate(grads, start=1):
        g = np.array(grad, dtype=np.float64)
        if decoupled:
            theta = theta - lr * weight_decay * theta
        elif weight_decay != 0:
            g = g + weight_decay * theta
        m = beta1 * m + (1.0 - beta1) * g
        v = beta2 * v + (1.0 - beta2) * g * g
        m_hat = m / (1.0 - beta1**t)
        if amsgrad:
            v_max = np.maximum(v_max, v)
            v_hat = v_max / (1.0 - beta2**t)
        else:
            v_hat = v / (1.0 - beta2**t)
        theta = theta - lr * m_hat / (np.sqrt(v_hat) + eps)
        out.append(theta.copy())
    return out


def ref_adamw(theta, grads, lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=False):
    return ref_adam(theta, grads, lr, betas, eps, weight_decay, amsgrad, decoupled=True)


# name -> (reference rule, the torch constructor arguments the name stands for)
PRESETS: dict[str, tuple[Callable, dict]] = {
    "sgd": (ref_sgd, {}),
    "momentum": (ref_sgd, {"momentum": 0.9}),
    "nesterov": (ref_sgd, {"momentum": 0.9, "nesterov": True}),
    "adagrad": (ref_adagrad, {}),
    "rmsprop": (ref_rmsprop, {}),
    "adam": (ref_adam, {}),
    "adamw": (ref_adamw, {}),
}


def reference(name: str, lr: float, hyper: dict, theta0, grads):
    rule, preset = PRESETS[name]
    return rule(theta0, grads, lr, **{**preset, **hyper})


# --------------------------------------------------------------------------------------------
# Test data
# --------------------------------------------------------------------------------------------

SHAPES = ((3, 4), (4,), (2, 5, 1))
N_STEPS = 6
# Per-step gradient scales: shrinking gradients make amsgrad's max and the eps terms matter.
SCALES = (1.0, 0.3, 2.0, 1e-2, 0.5, 1e-3)


def make_problem(seed: int, shapes=SHAPES, scales=SCALES, grad_scale=1.0):
    """Initial params and a list (per step) of lists (per param) of gradients."""
    rng = np.random.default_rng(seed)
    params = [rng.standard_normal(s) for s in shapes]
    grads = [[grad_scale * scale * rng.standard_normal(s) for s in shapes] for scale in scales]
    return params, grads


def run_impl(name, lr, hyper, params0, grad_steps, reuse_grad_buffers=False):
    """Run the implementation; return params after every step (copies)."""
    opt = optimizers.get(name, lr=lr, **hyper)
    params = [p.copy() for p in params0]
    buffers = [np.empty_like(p) for p in params0]
    history = []
    for step_grads in grad_steps:
        if reuse_grad_buffers:
            for buf, g in zip(buffers, step_grads, strict=True):
                np.copyto(buf, g)
            grads = buffers
        else:
            grads = [g.copy() for g in step_grads]
        opt.step(params, grads)
        history.append([p.copy() for p in params])
    return history


def assert_matches_reference(name, lr, hyper, params0, grad_steps, reuse_grad_buffers=False):
    got = run_impl(name, lr, hyper, params0, grad_steps, reuse_grad_buffers)
    for i, theta0 in enumerate(params0):
        expected = reference(name, lr, hyper, theta0, [step[i] for step in grad_steps])
        for t in range(len(grad_steps)):
            np.testing.assert_allclose(
                got[t][i],
                expected[t],
                rtol=RTOL,
                atol=ATOL,
                err_msg=f"{name} {hyper} lr={lr}: param {i}, after step t={t + 1}",
            )


# (name, hyper, lr, grad_scale); every torch hyper-parameter appears with a non-default value.
CASES: list[tuple[str, dict, float, float]] = [
    # SGD
    ("sgd", {}, 0.05, 1.0),
    ("sgd", {}, 0.001, 1e-5),
    ("sgd", {"weight_decay": 0.1}, 0.05, 1.0),
    ("sgd", {"momentum": 0.9}, 0.05, 1.0),
    ("sgd", {"momentum": 0.9, "dampening": 0.3}, 0.05, 1.0),
    ("sgd", {"momentum": 0.8, "nesterov": True}, 0.05, 1.0),
    ("sgd", {"momentum": 0.9, "nesterov": True, "weight_decay": 0.05}, 0.02, 1.0),
    ("sgd", {"momentum": 0.7, "dampening": 0.5, "weight_decay": 0.02}, 0.05, 1.0),
    # momentum = SGD(momentum=0.9)
    ("momentum", {}, 0.05, 1.0),
    ("momentum", {}, 0.001, 1e-5),
    ("momentum", {"dampening": 0.2}, 0.05, 1.0),
    ("momentum", {"weight_decay": 0.1}, 0.05, 1.0),
    ("momentum", {"momentum": 0.5}, 0.05, 1.0),
    # nesterov = SGD(momentum=0.9, nesterov=True)
    ("nesterov", {}, 0.05, 1.0),
    ("nesterov", {}, 0.001, 1e-5),
    ("nesterov", {"weight_decay": 0.1}, 0.05, 1.0),
    ("nesterov", {"momentum": 0.6}, 0.05, 1.0),
    # Adagrad
    ("adagrad", {}, 0.05, 1.0),
    ("adagrad", {}, 0.01, 1e-5),
    ("adagrad", {"lr_decay": 0.1}, 0.05, 1.0),
    ("adagrad", {"weight_decay": 0.1}, 0.05, 1.0),
    ("adagrad", {"initial_accumulator_value": 0.5}, 0.05, 1.0),
    ("adagrad", {"eps": 1e-3}, 0.05, 1e-2),
    (
        "adagrad",
        {"lr_decay": 0.3, "weight_decay": 0.05, "initial_accumulator_value": 0.1, "eps": 1e-6},
        0.1,
        1.0,
    ),
    # RMSprop
    ("rmsprop", {}, 0.01, 1.0),
    ("rmsprop", {}, 0.01, 1e-5),
    ("rmsprop", {"alpha": 0.9}, 0.01, 1.0),
    ("rmsprop", {"eps": 1e-3}, 0.01, 1e-2),
    ("rmsprop", {"weight_decay": 0.1}, 0.01, 1.0),
    ("rmsprop", {"momentum": 0.9}, 0.01, 1.0),
    ("rmsprop", {"centered": True}, 0.01, 1.0),
    ("rmsprop", {"centered": True, "momentum": 0.8}, 0.01, 1.0),
    (
        "rmsprop",
        {"centered": True, "momentum": 0.5, "weight_decay": 0.05, "alpha": 0.95, "eps": 1e-6},
        0.02,
        1.0,
    ),
    # Adam
    ("adam", {}, 0.01, 1.0),
    ("adam", {}, 0.01, 1e-5),
    ("adam", {"betas": (0.8, 0.99)}, 0.01, 1.0),
    ("adam", {"eps": 1e-4}, 0.01, 1e-3),
    ("adam", {"weight_decay": 0.1}, 0.01, 1.0),
    ("adam", {"amsgrad": True}, 0.01, 1.0),
    ("adam", {"amsgrad": True, "betas": (0.5, 0.6)}, 0.01, 1.0),
    ("adam", {"betas": (0.7, 0.95), "eps": 1e-6, "weight_decay": 0.05, "amsgrad": True}, 0.03, 1.0),
    # AdamW
    ("adamw", {}, 0.01, 1.0),
    ("adamw", {}, 0.01, 1e-5),
    ("adamw", {"weight_decay": 0.0}, 0.01, 1.0),
    ("adamw", {"weight_decay": 0.5}, 0.05, 1.0),
    ("adamw", {"betas": (0.5, 0.9)}, 0.01, 1.0),
    ("adamw", {"eps": 1e-4}, 0.01, 1e-3),
    ("adamw", {"amsgrad": True}, 0.01, 1.0),
    ("adamw", {"betas": (0.6, 0.7), "eps": 1e-6, "weight_decay": 0.2, "amsgrad": True}, 0.03, 1.0),
]


def _case_id(case) -> str:
    name, hyper, lr, grad_scale = case
    kw = ",".join(f"{k}={v}" for k, v in hyper.items()) or "defaults"
    return f"{name}[{kw}]-lr={lr}-g={grad_scale:g}"


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


def test_names_include_the_required_optimizers():
    assert set(REQUIRED) <= set(optimizers.NAMES)
    assert all(isinstance(n, str) for n in optimizers.NAMES)


def test_unknown_name_raises_value_error_listing_valid_names():
    with pytest.raises(ValueError) as excinfo:
        optimizers.get("no_such_optimizer", lr=0.01)
    message = str(excinfo.value)
    for name in optimizers.NAMES:
        assert name in message, f"{name!r} missing from error message: {message!r}"


@pytest.mark.parametrize(
    ("name", "bad_kw"),
    [(name, "bogus_hyper") for name in REQUIRED]
    + [
        ("sgd", "betas"),
        ("momentum", "amsgrad"),
        ("nesterov", "eps"),
        ("adagrad", "alpha"),
        ("rmsprop", "lr_decay"),
        ("adam", "momentum"),
        ("adamw", "nesterov"),
    ],
)
def test_unknown_hyper_parameter_raises_value_error_listing_valid_ones(name, bad_kw):
    with pytest.raises(ValueError) as excinfo:
        optimizers.get(name, lr=0.01, **{bad_kw: 0.5})
    message = str(excinfo.value)
    for kw in VALID_KW[name]:
        assert kw in message, f"{kw!r} missing from error message: {message!r}"


@pytest.mark.parametrize("name", list(optimizers.NAMES))
def test_every_registered_optimizer_steps_in_place(name):
    """Generic contract, so a newly registered name is covered too."""
    params0, grad_steps = make_problem(seed=1, scales=(1.0, 0.5, 0.25))
    params = [p.copy() for p in params0]
    objects = list(params)
    opt = optimizers.get(name, lr=0.01)
    for step_grads in grad_steps:
        opt.step(params, [g.copy() for g in step_grads])
    for p, obj, p0 in zip(params, objects, params0, strict=True):
        assert p is obj  # the list still holds the caller's arrays
        assert p.dtype == np.float64
        assert p.shape == p0.shape
        assert np.all(np.isfinite(p))
        assert not np.array_equal(p, p0)  # and those arrays were updated in place


# --------------------------------------------------------------------------------------------
# Update rules vs. the torch reference
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_matches_torch_reference(case):
    name, hyper, lr, grad_scale = case
    params0, grad_steps = make_problem(seed=7, grad_scale=grad_scale)
    assert_matches_reference(name, lr, hyper, params0, grad_steps)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(c) for c in CASES])
def test_matches_reference_when_caller_reuses_grad_buffers(case):
    """A trainer may overwrite the same gradient arrays every step; the optimizer must not
    keep references to them as its state (torch clones the first momentum buffer)."""
    name, hyper, lr, grad_scale = case
    params0, grad_steps = make_problem(seed=11, grad_scale=grad_scale)
    assert_matches_reference(name, lr, hyper, params0, grad_steps, reuse_grad_buffers=True)


def test_cases_cover_every_hyper_parameter():
    """Sanity check of the test data: each torch keyword is exercised with a non-default value."""
    not_applicable = {("momentum", "nesterov"), ("nesterov", "nesterov"), ("nesterov", "dampening")}
    covered = {(name, kw) for name, hyper, _, _ in CASES for kw in hyper}
    for name in REQUIRED:
        for kw in VALID_KW[name]:
            assert (name, kw) in covered | not_applicable, (name, kw)


def test_amsgrad_case_exercises_the_running_max():
    """Sanity check of the test data: with shrinking gradients amsgrad changes the result."""
    params0, grad_steps = make_problem(seed=7)
    grads = [step[0] for step in grad_steps]
    plain = ref_adam(params0[0], grads, 0.01)[-1]
    ams = ref_adam(params0[0], grads, 0.01, amsgrad=True)[-1]
    assert not np.allclose(plain, ams, rtol=1e-6, atol=0)


@pytest.mark.parametrize("name", REQUIRED)
def test_state_is_per_parameter(name):
    """Two params of the same shape with different gradients evolve independently, each
    exactly as if it were optimized alone."""
    hyper = {"weight_decay": 0.05}
    params0, grad_steps = make_problem(seed=3, shapes=((3, 4), (3, 4)))
    grad_steps = [[g, -3.0 * g + 0.1] for g, _ in grad_steps]  # clearly different gradients
    got = run_impl(name, 0.02, hyper, params0, grad_steps)
    for i in range(2):
        alone = run_impl(name, 0.02, hyper, [params0[i]], [[s[i]] for s in grad_steps])
        expected = reference(name, 0.02, hyper, params0[i], [s[i] for s in grad_steps])
        for t in range(N_STEPS):
            np.testing.assert_allclose(got[t][i], expected[t], rtol=RTOL, atol=ATOL)
            np.testing.assert_array_equal(got[t][i], alone[t][0])


@pytest.mark.parametrize("name", REQUIRED)
def test_separate_optimizers_do_not_share_state(name):
    params0, grad_steps = make_problem(seed=5, shapes=((4, 2),))
    first = run_impl(name, 0.01, {}, params0, grad_steps)
    second = run_impl(name, 0.01, {}, params0, grad_steps)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a[0], b[0])


@pytest.mark.parametrize("name", REQUIRED)
def test_step_does_not_modify_grads(name):
    hyper = {"weight_decay": 0.1}
    params0, grad_steps = make_problem(seed=9)
    opt = optimizers.get(name, lr=0.01, **hyper)
    params = [p.copy() for p in params0]
    for step_grads in grad_steps:
        grads = [g.copy() for g in step_grads]
        opt.step(params, grads)
        for g, g0 in zip(grads, step_grads, strict=True):
            np.testing.assert_array_equal(g, g0)


@pytest.mark.parametrize("name", REQUIRED)
def test_step_updates_the_same_array_objects(name):
    rng = np.random.default_rng(0)
    w, b = rng.standard_normal((3, 2)), np.zeros(2)
    w0, b0 = w.copy(), b.copy()
    params = [w, b]
    optimizers.get(name, lr=0.1).step(params, [np.ones((3, 2)), np.ones(2)])
    assert params[0] is w and params[1] is b
    assert not np.array_equal(w, w0)
    assert not np.array_equal(b, b0)


def test_zero_gradient_leaves_sgd_params_unchanged():
    params0, _ = make_problem(seed=2)
    params = [p.copy() for p in params0]
    opt = optimizers.get("sgd", lr=0.5)
    for _ in range(3):
        opt.step(params, [np.zeros_like(p) for p in params])
    for p, p0 in zip(params, params0, strict=True):
        np.testing.assert_array_equal(p, p0)


@pytest.mark.parametrize(
    ("name", "hyper"),
    [
        ("momentum", {}),
        ("nesterov", {}),
        ("adagrad", {}),
        ("rmsprop", {}),
        ("rmsprop", {"centered": True, "momentum": 0.9}),
        ("adam", {}),
        ("adam", {"amsgrad": True}),
        ("adamw", {"weight_decay": 0.0}),
    ],
)
def test_zero_gradient_without_weight_decay_is_a_no_op(name, hyper):
    params0, _ = make_problem(seed=4)
    params = [p.copy() for p in params0]
    opt = optimizers.get(name, lr=0.5, **hyper)
    for _ in range(3):
        opt.step(params, [np.zeros_like(p) for p in params])
    for p, p0 in zip(params, params0, strict=True):
        np.testing.assert_array_equal(p, p0)


def test_adamw_default_decay_shrinks_params_with_zero_gradient():
    """AdamW's decoupled decay acts even when g = 0: θ ← θ − γλθ, λ = 0.01 by default."""
    theta0 = np.array([[1.0, -2.0], [0.5, 4.0]])
    params = [theta0.copy()]
    optimizers.get("adamw", lr=0.1).step(params, [np.zeros((2, 2))])
    np.testing.assert_allclose(params[0], theta0 * (1.0 - 0.1 * 0.01), rtol=RTOL, atol=ATOL)


def test_first_sgd_step_is_lr_times_grad():
    """For every SGD flavour the first step is θ − γ·g (nesterov: θ − γ·(1+μ)·g)."""
    theta0 = np.array([1.0, -1.0, 0.25])
    g = np.array([0.5, 2.0, -4.0])
    expectations: Sequence[tuple[str, dict, np.ndarray]] = [
        ("sgd", {}, theta0 - 0.1 * g),
        ("momentum", {"dampening": 0.5}, theta0 - 0.1 * g),  # buffer starts at g, undamped
        ("nesterov", {}, theta0 - 0.1 * (g + 0.9 * g)),
    ]
    for name, hyper, expected in expectations:
        params = [theta0.copy()]
        optimizers.get(name, lr=0.1, **hyper).step(params, [g.copy()])
        np.testing.assert_allclose(params[0], expected, rtol=RTOL, atol=ATOL, err_msg=name)


def test_first_adam_step_has_magnitude_lr():
    """Bias correction with t = 1: m̂ = g, v̂ = g², so the step is γ·g/(|g|+ε) ≈ γ·sign(g)."""
    theta0 = np.array([1.0, -1.0, 0.25])
    g = np.array([0.5, 2.0, -4.0])
    params = [theta0.copy()]
    optimizers.get("adam", lr=0.1).step(params, [g.copy()])
    np.testing.assert_allclose(
        params[0], theta0 - 0.1 * g / (np.abs(g) + 1e-8), rtol=RTOL, atol=ATOL
    )
