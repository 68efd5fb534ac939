"""Exported scripts of regression runs: PyTorch redoes the run (train loss and test R² to 1e-9),
Keras comes as close as its float64 path allows, scikit-learn's MLPRegressor runs and fits;
every script is ruff-clean and prints `final_train_loss=… final_test_r2=…`."""

from __future__ import annotations

import re

import pytest
from codegen_support import assert_ruff_clean, have, run_scripts, write_case

from playground import codegen
from playground.config import RunConfig
from playground.experiment import run

FINAL_R2 = re.compile(r"final_train_loss=(\S+) final_test_r2=(\S+)$")
CASES = {
    "plane_mse_adam": RunConfig(dataset="regression_plane", n_samples=120, epochs=15),
    "gaussians_huber_sgd": RunConfig(
        dataset="regression_gaussians",
        loss="huber",
        optimizer="momentum",
        learning_rate=0.1,
        n_samples=120,
        epochs=15,
        l2=0.001,
        hidden=(6, 4),
    ),  # fmt: skip
}
MAKE = {
    "pytorch": codegen.pytorch_script,
    "keras": codegen.keras_script,
    "sklearn": codegen.sklearn_script,
}
NEEDS = {"pytorch": ("torch",), "keras": ("keras", "torch"), "sklearn": ("sklearn",)}


def _final(stdout: str) -> tuple[float, float]:
    m = FINAL_R2.match(stdout.strip().splitlines()[-1])
    assert m, stdout[-1000:]
    return float(m[1]), float(m[2])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """{(framework, case): (our result, (stdout, traceback, rc))}, every script in one process."""
    results = {name: run(c) for name, c in CASES.items()}
    dirs = {}
    for kind, make in MAKE.items():
        if not have(*NEEDS[kind]):
            continue
        for name, config in CASES.items():
            d = tmp_path_factory.mktemp(f"{kind}_{name}")
            dirs[(kind, name)] = write_case(d, make(config), results[name], codegen.NPZ_NAME)
    ran = run_scripts(list(dirs.values()))
    return {key: (results[key[1]], ran[d], d) for key, d in dirs.items()}


def test_the_regression_scripts_say_what_they_do():
    src = codegen.pytorch_script(CASES["gaussians_huber_sgd"])
    assert "F.huber_loss(z[:, 0], y.double(), delta=1.0)" in src and "final_test_r2" in src
    assert "F.mse_loss(z[:, 0]" in codegen.pytorch_script(CASES["plane_mse_adam"])
    sk = codegen.sklearn_script(CASES["gaussians_huber_sgd"])
    assert "MLPRegressor(" in sk and "MLPClassifier" not in sk
    assert "not huber" in sk  # MLPRegressor trains with squared error only: said
    assert "MLPClassifier(" in codegen.sklearn_script(RunConfig())  # classes: unchanged


# PyTorch redoes the run (the same float64 rules); Keras as closely as its float64 path allows
CLOSE = {"pytorch": ({"rel": 1e-9, "abs": 1e-12},) * 2, "keras": ({"abs": 1e-4}, {"abs": 0.02})}


@pytest.mark.parametrize("kind", list(CLOSE))
@pytest.mark.parametrize("name", list(CASES))
def test_the_script_ends_where_the_regression_run_ends(outputs, kind, name):
    if (kind, name) not in outputs:
        pytest.skip(f"{kind} is not installed")
    result, (stdout, tb, rc), d = outputs[(kind, name)]
    assert rc == 0, tb
    train_loss, test_r2 = _final(stdout)
    loss_tol, r2_tol = CLOSE[kind]
    assert train_loss == pytest.approx(result.final["train_loss"], **loss_tol)
    assert test_r2 == pytest.approx(result.final["test_r2"], **r2_tol)
    assert_ruff_clean(d)


def test_sklearn_regressor_runs_and_fits_the_plane(outputs):
    result, (stdout, tb, rc), d = outputs[("sklearn", "plane_mse_adam")]
    assert rc == 0, tb
    train_mse, test_r2 = _final(stdout)
    assert 0.0 <= train_mse < 0.2 and -1.0 < test_r2 <= 1.0
    assert_ruff_clean(d)
    _, (stdout, tb, rc), _ = outputs[("sklearn", "gaussians_huber_sgd")]
    assert rc == 0, tb
