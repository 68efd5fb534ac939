"""The generated scripts with feature inputs and L1: they write the same feature expansion and
scaler as the playground (checked against the .npz when they run), stay valid and tidy, and the
PyTorch and Keras scripts still reproduce our training (L1 as `l1 · Σ|W|` in the loss)."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from codegen_support import assert_ruff_clean, final, have, progress, run_cases

from playground import codegen, export, features, preprocessing
from playground.codegen.inputs import SCALE_CODE, inputs_block
from playground.config import RunConfig
from playground.experiment import run

FEW = {"epochs": 6, "n_samples": 200}
CHOSEN = ("x1", "x1sq", "x2sq", "x1x2", "sin_x1", "sin_x2")
SCRIPTS = {
    "pytorch": codegen.pytorch_script,
    "keras": codegen.keras_script,
    "sklearn": codegen.sklearn_script,
}


def test_every_scaler_has_numpy_code():
    assert set(SCALE_CODE) == set(preprocessing.NAMES)


def test_the_plain_point_adds_nothing():
    assert inputs_block(RunConfig()) == ""
    for make in SCRIPTS.values():
        src = make(RunConfig())
        assert "def inputs" not in src and "P_train" not in src and "L1" not in src


@pytest.mark.parametrize("scaler", preprocessing.NAMES)
def test_the_scripts_inputs_equal_the_playgrounds(scaler):
    """The script's own `inputs(P)` (its text, executed) against what the trainer saw."""
    config = RunConfig(dataset="circles", features=CHOSEN, scaler=scaler, hidden=(3,), **FEW)
    result = run(config)
    arrays = export.npz_arrays(result)
    space = {"np": np, "run": arrays}
    exec(inputs_block(config), space)  # noqa: S102 (our own generated code); runs its assert
    np.testing.assert_allclose(space["inputs"](arrays["P_test"]), arrays["X_test"], rtol=1e-12)
    np.testing.assert_allclose(
        space["inputs"](result.grid.points), result.scaler.transform(result.grid.points), 1e-12
    )
    for name in CHOSEN:
        assert features.get(name).code in inputs_block(config)


def test_npz_has_the_points_only_with_feature_inputs():
    plain = export.npz_arrays(run(RunConfig(**FEW)))
    assert "P_train" not in plain
    result = run(RunConfig(features=("x1sq", "x2sq"), **FEW))
    arrays = export.npz_arrays(result)
    np.testing.assert_array_equal(arrays["P_train"], result.X_train)
    assert arrays["X_train"].shape == (len(result.X_train), 2)
    assert arrays["sizes"][0] == 2


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_feature_and_l1_scripts_are_ruff_clean_and_short(tmp_path):
    for i, scaler in enumerate(preprocessing.NAMES):
        config = RunConfig(features=CHOSEN, l1=0.003, l2=0.001, scaler=scaler, hidden=(4, 3, 5))
        for name, make in SCRIPTS.items():
            src = make(config)
            # the plain ones stay ≤ 100 (test_codegen); six features take a line each here
            assert len(src.splitlines()) <= 115, name
            (tmp_path / f"{name}_{i}.py").write_text(src)
    assert_ruff_clean(tmp_path)


def test_what_each_script_says_about_l1():
    c = RunConfig(l1=0.003)
    assert "L1 = 0.003" in codegen.pytorch_script(c)
    assert "penalty = penalty + L1 * sum(m.weight.abs().sum() for m in linears)" in (
        codegen.pytorch_script(c)
    )
    assert "keras.regularizers.L1L2(l1=L1, l2=0.5 * (L2 + WEIGHT_DECAY))" in codegen.keras_script(c)
    assert "no L1 penalty" in codegen.sklearn_script(c)
    assert "L1 0.003" in codegen.pytorch_script(c)  # the setup line


CASES = {
    "l1": RunConfig(l1=0.01, **FEW),
    "l1-l2-features-sgd": RunConfig(
        l1=0.003, l2=0.01, features=CHOSEN, optimizer="sgd", learning_rate=0.1, **FEW
    ),
    "features-minmax-3class": RunConfig(
        dataset="blobs", features=("x1sq", "x2sq", "x1x2"), scaler="minmax", **FEW
    ),
}


@pytest.mark.skipif(not have("torch"), reason="torch not installed")
def test_pytorch_scripts_reproduce_features_and_l1(tmp_path_factory):
    for case, (result, (stdout, error, rc)) in run_cases(
        "pytorch", CASES, tmp_path_factory
    ).items():
        assert rc == 0, (case, error[-3000:])
        train_loss, test_accuracy = final(stdout)
        assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12), case
        assert test_accuracy == result.final["test_accuracy"], case
        for epoch, loss in progress(stdout):
            assert loss == pytest.approx(result.history["train_loss"][epoch], abs=2e-6)


@pytest.mark.skipif(not have("keras", "torch"), reason="Keras 3 and torch not installed")
def test_keras_scripts_reproduce_features_and_l1(tmp_path_factory):
    for case, (result, (stdout, error, rc)) in run_cases(
        "keras", {"l1-sgd": CASES["l1-l2-features-sgd"]}, tmp_path_factory
    ).items():
        assert rc == 0, (case, error[-3000:])
        train_loss, _ = final(stdout)
        assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12), case
