"""'Equivalent code': every script compiles; the PyTorch one reproduces our training."""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from playground import codegen, export
from playground.config import RunConfig
from playground.experiment import run
from playground.nn import activations, losses, optimizers

SCRIPTS = {
    "pytorch": codegen.pytorch_script,
    "keras": codegen.keras_script,
    "sklearn": codegen.sklearn_script,
}
FINAL = re.compile(r"final_train_loss=(\S+) final_test_accuracy=(\S+)$")


def _grid() -> list[RunConfig]:
    """Every activation × optimizer × loss; data set (binary / 3 classes), depth (0 / 3),
    L2 (0 / > 0), batch and weight decay cycle through the combinations."""
    configs = []
    combos = itertools.product(activations.NAMES, optimizers.NAMES, losses.NAMES)
    for i, (act, opt, loss) in enumerate(combos):
        configs.append(
            RunConfig(
                dataset=("moons", "blobs")[i % 2],
                hidden=((), (4, 3, 5))[(i // 2) % 2],
                l2=(0.0, 0.01)[(i // 4) % 2],
                batch_size=(32, 0)[(i // 8) % 2],
                weight_decay=(None, 0.002)[(i // 16) % 2],
                activation=act,
                optimizer=opt,
                loss=loss,
            )
        )
    return configs


GRID = _grid()


def test_grid_covers_every_option():
    seen = {f: {getattr(c, f) for c in GRID} for f in ("activation", "optimizer", "loss")}
    assert seen == {
        "activation": set(activations.NAMES),
        "optimizer": set(optimizers.NAMES),
        "loss": set(losses.NAMES),
    }
    for a, b in [("dataset", "hidden"), ("hidden", "l2"), ("dataset", "l2")]:
        assert len({(getattr(c, a), getattr(c, b)) for c in GRID}) == 4


@pytest.mark.parametrize("config", GRID, ids=lambda c: f"{c.activation}-{c.optimizer}-{c.loss}")
def test_every_script_compiles(config):
    for name, make in SCRIPTS.items():
        src = make(config)
        compile(src, f"playground_{name}.py", "exec")
        assert "final_train_loss=" in src and '"playground_run.npz"' in src
        assert len(src.splitlines()) <= 90, name  # short enough to read


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_scripts_have_no_undefined_names(tmp_path):
    """Valid code, not just valid syntax: pyflakes (via ruff) over a slice of the grid,
    which catches the undefined names a compile() cannot (the Keras script cannot run here)."""
    for i, config in enumerate(GRID[::5]):
        for name, make in SCRIPTS.items():
            (tmp_path / f"{name}_{i}.py").write_text(make(config))
    proc = subprocess.run(
        ["ruff", "check", "--isolated", "--select", "F,E9", "--no-cache", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout[-3000:]


# ---- what the scripts say -------------------------------------------------------------------
def test_pytorch_script_uses_the_configs_exact_settings():
    c = RunConfig(
        optimizer="nesterov", momentum=0.8, learning_rate=0.3, activation="leaky_relu", l2=0.02
    )
    src = codegen.pytorch_script(c)
    assert "torch.optim.SGD(" in src and "lr=0.3, momentum=0.8, nesterov=True" in src
    assert "nn.LeakyReLU(0.1)" in src and "L2 = 0.02" in src
    assert "np.random.SeedSequence(0).spawn(2)[1]" in src
    src = codegen.pytorch_script(RunConfig(optimizer="adam", beta1=0.8, eps=1e-6))
    assert "betas=(0.8, 0.999), eps=1e-06, weight_decay=0.0" in src
    src = codegen.pytorch_script(RunConfig(optimizer="adamw"))
    assert "torch.optim.AdamW(" in src and "weight_decay=0.01" in src
    src = codegen.pytorch_script(RunConfig(optimizer="rmsprop", alpha=0.9, activation="gelu"))
    assert "alpha=0.9, eps=1e-08" in src and 'nn.GELU(approximate="tanh")' in src
    src = codegen.pytorch_script(RunConfig(optimizer="adagrad", activation="maxout"))
    assert "eps=1e-10" in src and "class Maxout" in src and "2 * fan_out" in src
    src = codegen.pytorch_script(RunConfig(), npz_name="my run.npz")
    assert 'np.load("my run.npz")' in src


def test_keras_script_substitutions_are_explained():
    src = codegen.keras_script(RunConfig(activation="leaky_relu", optimizer="rmsprop", l2=0.1))
    assert "LeakyReLU(negative_slope=0.1)" in src and "rho=0.99" in src
    assert "ε inside the square root" in src and "L2, WEIGHT_DECAY = 0.1, 0.0" in src
    assert "model.fit(" in src and "model.set_weights(" in src
    src = codegen.keras_script(RunConfig(activation="maxout", optimizer="adam"))
    assert "layers.Reshape((width, 2))" in src and "before the bias correction" in src
    src = codegen.keras_script(RunConfig(activation="gelu", optimizer="momentum", loss="hinge"))
    assert "approximate=True" in src and "multi_margin" in src and "momentum=0.9" in src
    src = codegen.keras_script(RunConfig(optimizer="sgd", weight_decay=0.01))
    assert "WEIGHT_DECAY = 0.0, 0.01" in src and "decoupled" in src


def test_sklearn_script_says_where_it_differs():
    src = codegen.sklearn_script(
        RunConfig(activation="elu", optimizer="rmsprop", loss="hinge", hidden=(5, 6), l2=0.01)
    )
    assert 'activation="relu"' in src and "not elu" in src
    assert 'solver="adam"' in src and "rmsprop becomes adam" in src
    assert "not hinge" in src and "hidden_layer_sizes=(5, 6)" in src
    assert "alpha=0.01 * batch" in src and "alpha/(2·batch)" in src
    epochs = RunConfig().epochs
    assert "tol=0.0" in src and f"n_iter_no_change={epochs + 1}" in src
    assert f"max_iter={epochs}" in src
    src = codegen.sklearn_script(RunConfig(activation="tanh", optimizer="nesterov"))
    assert 'activation="tanh"' in src and "nesterovs_momentum=True" in src
    assert "not tanh" not in src


# ---- running the scripts --------------------------------------------------------------------
def _run_script(directory, script: str, npz: bytes, npz_name: str = codegen.NPZ_NAME):
    """Write the .npz and the script into `directory` and run it there; (stdout, stderr, rc)."""
    (directory / npz_name).write_bytes(npz)
    (directory / "script.py").write_text(script)
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    proc = subprocess.run(
        [sys.executable, "script.py"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    return proc.stdout, proc.stderr, proc.returncode


def _final(stdout: str) -> tuple[float, float]:
    m = FINAL.match(stdout.strip().splitlines()[-1])
    assert m, stdout[-1000:]
    return float(m[1]), float(m[2])


FEW = {"epochs": 6, "n_samples": 200}
TORCH_CASES = {
    "adam-tanh-ce-binary": RunConfig(optimizer="adam", activation="tanh", **FEW),
    "nesterov-relu-ce-3class": RunConfig(
        dataset="blobs", optimizer="nesterov", activation="relu", learning_rate=0.05, **FEW
    ),
    "adamw-maxout": RunConfig(optimizer="adamw", activation="maxout", hidden=(6, 4), **FEW),
    "adagrad-elu-mse-3class": RunConfig(
        dataset="spiral3", optimizer="adagrad", activation="elu", loss="mse", **FEW
    ),
    "sgd-leaky-hinge": RunConfig(
        optimizer="sgd", activation="leaky_relu", loss="hinge", learning_rate=0.05, **FEW
    ),
    "rmsprop-gelu-full-batch": RunConfig(
        optimizer="rmsprop", activation="gelu", batch_size=0, learning_rate=0.003, **FEW
    ),
    "momentum-swish-l2-wd": RunConfig(
        optimizer="momentum", activation="swish", l2=0.01, weight_decay=0.001, **FEW
    ),
    "adam-selu-hinge-3class-depth3": RunConfig(
        dataset="iris", activation="selu", loss="hinge", hidden=(8, 6, 4), l2=0.003, **FEW
    ),
    "sgd-softplus-mse-depth0": RunConfig(
        dataset="blobs", optimizer="sgd", loss="mse", hidden=(), learning_rate=0.1, **FEW
    ),
    "adam-sigmoid-batch-over-n": RunConfig(
        activation="sigmoid", hidden=(5,), batch_size=5000, beta1=0.8, eps=1e-6, **FEW
    ),
}


# Runs every script in one interpreter (torch's import costs seconds; each run would pay it),
# each in its own directory as `python script.py` would; one case also runs standalone.
_DRIVER = """
import contextlib, io, json, os, runpy, sys, traceback
out = {}
for directory in sys.argv[1:]:
    os.chdir(directory)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            runpy.run_path("script.py", run_name="__main__")
        out[directory] = [buf.getvalue(), "", 0]
    except BaseException:
        out[directory] = [buf.getvalue(), traceback.format_exc(), 1]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def torch_runs(tmp_path_factory):
    """{case: (our result, (stdout, stderr, returncode) of its PyTorch script)}."""
    pytest.importorskip("torch")
    results, dirs = {}, {}
    for name, config in TORCH_CASES.items():
        results[name] = run(config)
        npz_name = "custom name.npz" if name.startswith("adamw") else codegen.NPZ_NAME
        dirs[name] = directory = tmp_path_factory.mktemp(name)
        (directory / npz_name).write_bytes(export.weights_npz(results[name]))
        (directory / "script.py").write_text(codegen.pytorch_script(config, npz_name=npz_name))
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, *map(str, dirs.values())],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = json.loads(proc.stdout.strip().splitlines()[-1])
    return {name: (results[name], outputs[str(d)]) for name, d in dirs.items()}


def test_pytorch_script_runs_standalone(tmp_path):
    """The student's way: `python playground_pytorch.py` next to the .npz."""
    pytest.importorskip("torch")
    config = TORCH_CASES["nesterov-relu-ce-3class"]
    result = run(config)
    stdout, stderr, rc = _run_script(
        tmp_path, codegen.pytorch_script(config), export.weights_npz(result)
    )
    assert rc == 0, stderr[-3000:]
    train_loss, _ = _final(stdout)
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-6)


@pytest.mark.parametrize("case", list(TORCH_CASES))
def test_pytorch_script_matches_our_training(case, torch_runs):
    result, (stdout, stderr, rc) = torch_runs[case]
    assert rc == 0, stderr[-3000:]
    assert result.status == "ok"
    train_loss, test_accuracy = _final(stdout)
    # observed: equal to ≤ 3e-12 relative; 1e-9 still leaves room for other BLAS builds
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12)
    assert test_accuracy == result.final["test_accuracy"]
    # the progress lines are the playground's history at those epochs
    for line in stdout.splitlines()[:-1]:
        epoch, loss = re.match(r"epoch (\d+): train loss (\S+)$", line).groups()
        assert float(loss) == pytest.approx(result.history["train_loss"][int(epoch)], abs=2e-6)


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(activation="elu", optimizer="rmsprop", loss="hinge", epochs=5, n_samples=100),
        RunConfig(
            dataset="blobs", hidden=(), optimizer="nesterov", batch_size=0, epochs=5, n_samples=90
        ),
    ],
    ids=["binary-substitutions", "3class-depth0-full-batch"],
)
def test_sklearn_script_runs(config, tmp_path):
    result = run(config)
    stdout, stderr, rc = _run_script(
        tmp_path, codegen.sklearn_script(config), export.weights_npz(result)
    )
    assert rc == 0, stderr[-3000:]
    train_loss, test_accuracy = _final(stdout)
    assert train_loss > 0 and 0.0 <= test_accuracy <= 1.0
