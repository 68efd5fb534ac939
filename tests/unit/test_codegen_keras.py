"""The exported Keras script runs with Keras 3 on its PyTorch backend (no TensorFlow) and redoes
our training: exactly, as the PyTorch script does, except where the optimizer's Keras class adds
ε elsewhere than torch (Adagrad, RMSprop: inside the square root; Adam, AdamW: before the bias
correction). There the gap is bounded, the script says so, and the same run with ε = 0 is exact
again, which shows that ε's placement is the whole difference."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from codegen_support import ENV, final, have, progress, run_cases, write_case

from playground import codegen
from playground.codegen import keras as keras_code
from playground.config import RunConfig
from playground.experiment import run
from playground.nn import activations, losses, optimizers

pytestmark = pytest.mark.skipif(
    not have("keras", "torch"), reason="Keras 3 and torch (its backend here) not installed"
)
FEW = {"epochs": 6, "n_samples": 200}
DATASETS = ("moons", "blobs", "spiral3")  # binary, 3 classes, 3 classes


def _cases() -> dict[str, RunConfig]:
    """Every activation, each with the next optimizer and loss in turn (so every optimizer and
    every loss too); shapes (depth 0 and 3, full batch, L2 and weight decay); and every optimizer
    whose Keras class places ε differently, once more with ε = 0."""
    acts, opts = activations.NAMES, optimizers.NAMES
    names = losses.for_task("classification")  # regression: tests/unit/test_regression_codegen.py
    cases = {}
    for i, act in enumerate(acts):
        opt, loss, data = opts[i % len(opts)], names[i % len(names)], DATASETS[i % 3]
        cases[f"{act}-{opt}-{loss}-{data}"] = RunConfig(
            activation=act, optimizer=opt, loss=loss, dataset=data, **FEW
        )
    cases["depth0-sgd-mse-blobs"] = RunConfig(
        dataset="blobs", hidden=(), optimizer="sgd", loss="mse", learning_rate=0.1, **FEW
    )
    cases["depth3-nesterov-hinge-iris-l2"] = RunConfig(
        dataset="iris", hidden=(8, 6, 4), optimizer="nesterov", loss="hinge", l2=0.003, **FEW
    )
    cases["full-batch-momentum-l2-wd"] = RunConfig(
        optimizer="momentum", batch_size=0, l2=0.01, weight_decay=0.001, **FEW
    )
    cases["adamw-wd-depth3"] = RunConfig(
        optimizer="adamw", weight_decay=0.05, hidden=(6, 6, 6), **FEW
    )
    for opt in opts:
        if not keras_code.exact(RunConfig(optimizer=opt)):
            cases[f"{opt}-eps0"] = RunConfig(optimizer=opt, eps=0.0, activation="tanh", **FEW)
            cases[f"{opt}-eps0-mse-blobs"] = RunConfig(
                optimizer=opt, eps=0.0, loss="mse", dataset="blobs", hidden=(5,), **FEW
            )
    return cases


CASES = _cases()


def test_cases_cover_every_entry():
    seen = {f: {getattr(c, f) for c in CASES.values()} for f in ("activation", "optimizer", "loss")}
    assert seen == {
        "activation": set(activations.NAMES),
        "optimizer": set(optimizers.NAMES),
        "loss": set(losses.for_task("classification")),
    }
    exact = {c.optimizer for c in CASES.values() if keras_code.exact(c)}
    assert exact == set(optimizers.NAMES)  # each optimizer is exact at least once (ε = 0)


@pytest.fixture(scope="module")
def keras_runs(tmp_path_factory):
    """{case: (our result, (stdout, traceback, returncode) of its Keras script)}."""
    return run_cases("keras", CASES, tmp_path_factory)


@pytest.mark.parametrize("case", list(CASES))
def test_keras_script_matches_our_training(case, keras_runs):
    config = CASES[case]
    result, (stdout, error, rc) = keras_runs[case]
    assert rc == 0, error[-3000:]
    assert result.status == "ok"
    ours = result.final["train_loss"]
    train_loss, test_accuracy = final(stdout)
    lines = progress(stdout)
    assert [e for e, _ in lines] == list(range(1, FEW["epochs"] + 1))
    if keras_code.exact(config):
        # observed ≤ 2e-15 relative: the same float64 model, batches and update rule; 1e-9 as
        # for the PyTorch script (room for other BLAS builds)
        assert train_loss == pytest.approx(ours, rel=1e-9, abs=1e-12)
        assert test_accuracy == result.final["test_accuracy"]
        tolerance = 2e-6  # the progress lines are rounded to 6 decimals
    else:
        # ε's placement: observed up to 2e-5 absolute (7e-5 relative) after these 6 epochs;
        # bounded at 1e-4, while the same runs with ε = 0 above agree to 1e-9
        assert train_loss == pytest.approx(ours, abs=1e-4)
        assert test_accuracy == pytest.approx(result.final["test_accuracy"], abs=0.02)
        tolerance = 1e-4
    for epoch, loss in lines:
        assert loss == pytest.approx(result.history["train_loss"][epoch], abs=tolerance)


@pytest.mark.parametrize("config", list(CASES.values()), ids=list(CASES))
def test_the_script_says_where_keras_differs(config):
    """A script that is not exact says why in a comment (ε's placement), an exact one says
    nothing of the kind."""
    src = codegen.keras_script(config)
    says = "Keras adds ε" in src
    assert says == (not keras_code.exact(config))
    assert ("differ" in src) == says
    assert "stands in" not in src and "left out" not in src  # every entry has its Keras code


def test_keras_script_runs_standalone(tmp_path):
    """The student's way: `KERAS_BACKEND=torch python train_keras.py` next to the .npz."""
    config = RunConfig(dataset="blobs", optimizer="nesterov", activation="relu", **FEW)
    result = run(config)
    write_case(tmp_path, codegen.keras_script(config), result, codegen.NPZ_NAME)
    proc = subprocess.run(
        [sys.executable, "script.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **ENV},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    train_loss, test_accuracy = final(proc.stdout)
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12)
    assert test_accuracy == result.final["test_accuracy"]
