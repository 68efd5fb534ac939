"""Regression problems: the two data sets, the Huber loss, R² in the history, the loss/task rule.

Truth tables with the expected answers written out, and wrong answers that must fail.
"""

from __future__ import annotations

import numpy as np
import pytest

from playground import data
from playground.config import RunConfig, from_query
from playground.experiment import run
from playground.nn import losses, passes
from playground.nn.network import MLP

REG = ("regression_plane", "regression_gaussians")


# ---------------------------------------------------------------------------------- data sets
@pytest.mark.parametrize("name", REG)
def test_regression_sets_have_real_targets_and_no_classes(name):
    info = data.get(name)
    assert info.regression and info.task == "regression" and info.n_classes == 0
    X, y = data.make_dataset(name, n_samples=300, noise=0.0, seed=1)
    assert X.shape == (300, 2) and y.shape == (300,) and y.dtype == np.float64
    assert np.all(np.abs(X) <= 2.0)
    assert len(np.unique(y)) == 300  # real values, not labels


def test_noise_free_targets_are_the_formulas():
    X, y = data.make_dataset("regression_plane", n_samples=200, noise=0.0, seed=0)
    np.testing.assert_allclose(y, 0.3 * X[:, 0] + 0.2 * X[:, 1])
    X, y = data.make_dataset("regression_gaussians", n_samples=200, noise=0.0, seed=0)
    np.testing.assert_allclose(y, data.bumps(X))
    # at a bump's centre the target is about its sign: +1 at (−4/3, 5/6), −1 at (0, 5/6)
    centres = np.array([[-4 / 3, 5 / 6], [0.0, 5 / 6], [4 / 3, -5 / 6]])
    np.testing.assert_allclose(data.bumps(centres), [1.0, -1.0, -1.0], atol=0.02)


def test_noise_spreads_the_targets_by_a_quarter_of_noise():
    X, y = data.make_dataset("regression_plane", n_samples=20_000, noise=0.8, seed=0)
    assert np.std(y - data.plane(X)) == pytest.approx(0.2, rel=0.03)


def test_classification_sets_are_not_regression():
    assert not data.get("moons").regression and not data.is_regression("moons")
    assert data.is_regression("regression_plane") and not data.is_regression("no such set")


# ---------------------------------------------------------------------------------- R²
def _r2(pred, y):
    z, Y = np.asarray(pred, float)[None, None, :], np.asarray(y, float)[None, None, :]
    return float(passes.r2(z, Y)[0])


def test_r2_truth_table():
    y = np.array([1.0, 2.0, 3.0, 4.0])
    assert _r2(y, y) == 1.0  # a perfect predictor
    assert _r2(np.full(4, 2.5), y) == pytest.approx(0.0, abs=1e-15)  # the mean predictor
    assert _r2(y[::-1], y) == pytest.approx(1 - 20 / 5)  # worse than the mean: SS_res 20, tot 5
    assert _r2(y + 0.5, y) == pytest.approx(1 - 1 / 5)
    assert _r2(np.ones(3), np.ones(3)) == 1.0  # constant targets, perfect
    assert _r2(np.zeros(3), np.ones(3)) == 0.0  # constant targets, imperfect: as sklearn


def test_r2_agrees_with_sklearn_per_run_of_a_stack():
    from sklearn.metrics import r2_score

    rng = np.random.default_rng(0)
    z, Y = rng.normal(size=(3, 1, 50)), rng.normal(size=(3, 1, 50))
    got = passes.r2(z, Y)
    for r in range(3):
        assert got[r] == pytest.approx(r2_score(Y[r, 0], z[r, 0]), rel=1e-12)
        assert passes.r2(z[r : r + 1], Y[r : r + 1])[0] == got[r]  # a lone run: the same bits


# ---------------------------------------------------------------------------------- Huber
HUBER_CASES = [  # residual r = prediction − target, h(r), h'(r)   (δ = 1)
    (0.5, 0.125, 0.5),  # |r| < δ: ½r²
    (-0.5, 0.125, -0.5),
    (1.0, 0.5, 1.0),  # |r| = δ: both pieces give ½δ², slope δ
    (-1.0, 0.5, -1.0),
    (3.0, 2.5, 1.0),  # |r| > δ: δ(|r| − ½δ), slope ±δ
    (-3.0, 2.5, -1.0),
]


@pytest.mark.parametrize(("r", "value", "slope"), HUBER_CASES)
def test_huber_value_and_gradient(r, value, slope):
    z, Y = np.array([[2.0 + r]]), np.array([[2.0]])  # one sample, linear output
    v, dz = losses.get("huber")(z, Y, "linear")
    assert v == pytest.approx(value, rel=1e-15)
    assert dz[0, 0] == pytest.approx(slope, rel=1e-15)
    assert v != pytest.approx(0.5 * r * r) or abs(r) <= 1  # not plain ½ MSE beyond δ


def test_huber_is_the_mean_over_samples_and_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    z, Y = rng.normal(0, 2, (40, 1)), rng.normal(0, 1, (40, 1))
    v, dz = losses.get("huber")(z, Y, "linear")
    zt = torch.tensor(z, requires_grad=True)
    ref = torch.nn.HuberLoss(delta=1.0)(zt, torch.tensor(Y))  # reduction="mean"
    ref.backward()
    assert v == pytest.approx(ref.item(), rel=1e-12)
    np.testing.assert_allclose(dz, zt.grad.numpy(), rtol=1e-12, atol=1e-15)
    hand = np.mean([0.5 * r * r if abs(r) <= 1 else abs(r) - 0.5 for r in (z - Y)[:, 0]])
    assert v == pytest.approx(hand, rel=1e-12)


def test_huber_network_gradient_matches_finite_differences():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), 3.0 * rng.normal(size=30)  # residuals on both sides of δ
    net = MLP([2, 5, 1], "tanh", "linear", seed=2)
    _, grads = net.loss_and_grads(X, y, "huber")
    analytic = np.concatenate([g.ravel() for g in grads])
    numeric, h = np.zeros_like(analytic), 1e-6
    for i in range(net.flat.size):
        old = net.flat[i]
        net.flat[i] = old + h
        up = net.loss_and_grads(X, y, "huber")[0]
        net.flat[i] = old - h
        down = net.loss_and_grads(X, y, "huber")[0]
        net.flat[i] = old
        numeric[i] = (up - down) / (2 * h)
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-8)


def test_huber_facts_name_the_framework_equivalents():
    facts = losses.get("huber").facts
    assert facts.torch == "torch.nn.HuberLoss(delta=1.0)"
    assert facts.keras == "keras.losses.Huber(delta=1.0)"
    assert r"\delta" in facts.formula and facts.text_key == "loss.huber"
    assert "F.huber_loss" in facts.code["torch_regression"]


def test_losses_by_task():
    assert losses.for_task("regression") == ("mse", "huber")
    assert losses.for_task("classification") == ("cross_entropy", "mse", "hinge")
    with pytest.raises(ValueError, match="Valid tasks: classification, regression"):
        losses.for_task("ranking")


# ---------------------------------------------------------------------------------- the task
def test_a_regression_set_defaults_to_mse_and_refuses_classification_losses():
    assert RunConfig(dataset="regression_plane").loss == "mse"
    assert RunConfig().loss == "cross_entropy"
    for loss in ("cross_entropy", "hinge"):
        with pytest.raises(ValueError, match=r"^loss: .*Valid losses for regression: mse, huber"):
            RunConfig(dataset="regression_plane", loss=loss)
    with pytest.raises(ValueError, match="Valid losses for classification: cross_entropy"):
        RunConfig(dataset="moons", loss="huber")
    assert RunConfig(dataset="moons", loss="mse").loss == "mse"  # mse serves both


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(dataset="regression_plane"),
        RunConfig(dataset="regression_gaussians", loss="huber", noise=0.4, seed=3),
    ],
)
def test_regression_configs_round_trip_through_url_and_json(config):
    assert RunConfig.from_json(config.to_json()) == config
    again, problems = from_query(config.to_query())
    assert (again, problems) == (config, [])


def test_a_link_with_a_regression_set_and_no_loss_gets_mse():
    config, problems = from_query({"dataset": "regression_gaussians"})
    assert (config.dataset, config.loss, problems) == ("regression_gaussians", "mse", [])
    config, problems = from_query({"dataset": "regression_plane", "loss": "cross_entropy"})
    assert (config.dataset, config.loss) == ("regression_plane", "mse")
    assert len(problems) == 1 and problems[0].startswith("loss: cross_entropy does not fit")


# ---------------------------------------------------------------------------------- training
def test_the_plane_is_fitted():
    result = run(RunConfig(dataset="regression_plane", epochs=100))
    h = result.history
    assert result.model.output == "linear" and result.model.sizes[-1] == 1
    assert {"train_r2", "test_r2"} <= set(h.columns)
    assert not {"train_accuracy", "test_accuracy"} & set(h.columns)
    assert h["test_r2"].iloc[-1] > 0.95 and h["test_r2"].iloc[0] < 0.5
    assert result.class_names == []


def test_the_history_r2_is_r2_of_the_final_model():
    from sklearn.metrics import r2_score

    r = run(RunConfig(dataset="regression_gaussians", loss="huber", epochs=30))
    pred = r.model.forward(r.scaler.transform(r.X_test))[:, 0]
    assert r.final["test_r2"] == pytest.approx(r2_score(r.y_test, pred), rel=1e-10)
    mse = np.mean((r.model.forward(r.scaler.transform(r.X_train))[:, 0] - r.y_train) ** 2)
    assert r.final["train_loss"] < mse  # Huber ≤ ½ MSE here (all residuals within δ)


def test_the_gaussians_are_fitted_reasonably():
    config = RunConfig(dataset="regression_gaussians", hidden=(16, 16), epochs=300)
    assert run(config).final["test_r2"] > 0.75


@pytest.mark.parametrize("code", ["saturated", "vanishing"])
def test_advice_never_offers_cross_entropy_to_a_regression_run(code):
    from playground import advice

    sigmoid = {"activation": "sigmoid", "init_scale": 0.1}
    assert "cross_entropy" in advice.advise(code, RunConfig(loss="mse", **sigmoid))
    for loss in ("mse", "huber"):
        config = RunConfig(dataset="regression_plane", loss=loss, **sigmoid)
        assert "cross_entropy" not in advice.advise(code, config)


def test_diagnosis_of_regression_runs_healthy_and_overfitting():
    from playground.diagnosis import diagnose

    plane = run(RunConfig(dataset="regression_plane", epochs=50))
    (finding,) = diagnose(plane)
    assert finding.code == "healthy" and finding.params["r2"] == round(plane.final["test_r2"], 3)
    assert "acc" not in finding.params
    memorised = RunConfig(
        dataset="regression_gaussians", n_samples=60, noise=0.6, hidden=(32, 32), epochs=500,
        learning_rate=0.03, test_fraction=0.5,
    )  # fmt: skip
    codes = [f.code for f in diagnose(run(memorised))]
    assert "overfitting" in codes and "underfitting" not in codes
