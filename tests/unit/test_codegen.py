"""'Equivalent code': every script compiles; the PyTorch one reproduces our training."""

from __future__ import annotations

import itertools
import shutil
import subprocess
import sys

import pytest
from codegen_support import (
    assert_ruff_clean,
    final,
    have,
    progress,
    run_cases,
    run_scripts,
    write_case,
)

from playground import codegen
from playground.config import RunConfig
from playground.experiment import run
from playground.nn import activations, losses, optimizers

SCRIPTS = {
    "pytorch": codegen.pytorch_script,
    "keras": codegen.keras_script,
    "sklearn": codegen.sklearn_script,
}


CLASS_LOSSES = losses.for_task("classification")


def _grid() -> list[RunConfig]:
    """Every activation × optimizer × loss; data set (binary / 3 classes), depth (0 / 3),
    L2 (0 / > 0), batch and weight decay cycle through the combinations."""
    configs = []
    # the classification losses (regression runs: tests/unit/test_regression_codegen.py)
    combos = itertools.product(activations.NAMES, optimizers.NAMES, CLASS_LOSSES)
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
        "loss": set(CLASS_LOSSES),
    }
    for a, b in [("dataset", "hidden"), ("hidden", "l2"), ("dataset", "l2")]:
        assert len({(getattr(c, a), getattr(c, b)) for c in GRID}) == 4


@pytest.mark.parametrize("config", GRID, ids=lambda c: f"{c.activation}-{c.optimizer}-{c.loss}")
def test_every_script_compiles(config):
    for name, make in SCRIPTS.items():
        src = make(config)
        compile(src, f"playground_{name}.py", "exec")
        assert "final_train_loss=" in src and '"playground_run.npz"' in src
        assert len(src.splitlines()) <= 100, name  # short enough to read


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff not installed")
def test_scripts_are_ruff_clean(tmp_path):
    """Valid code, not just valid syntax, and tidy: ruff's errors, warnings, pyflakes and import
    order (which catch the undefined names a compile() cannot) and ruff format, at 100 columns,
    over a slice of the grid."""
    for i, config in enumerate(GRID[::5]):
        for name, make in SCRIPTS.items():
            (tmp_path / f"{name}_{i}.py").write_text(make(config))
    assert_ruff_clean(tmp_path)


# ---- what the scripts say -------------------------------------------------------------------
def test_pytorch_script_uses_the_configs_exact_settings():
    c = RunConfig(
        optimizer="nesterov", momentum=0.8, learning_rate=0.3, activation="leaky_relu", l2=0.02
    )
    src = codegen.pytorch_script(c)
    assert "torch.optim.SGD(" in src
    assert "lr=0.3, momentum=0.8, weight_decay=0.0, nesterov=True" in src
    assert "nn.LeakyReLU(0.1)" in src and "L2 = 0.02" in src
    assert "np.random.SeedSequence(0).spawn(2)[1]" in src
    src = codegen.pytorch_script(RunConfig(optimizer="adam", beta1=0.8, eps=1e-6))
    assert "lr=0.01, betas=(0.8, 0.999), eps=1e-06, weight_decay=0.0\n)" in src
    src = codegen.pytorch_script(RunConfig(optimizer="adamw"))
    assert "torch.optim.AdamW(" in src and "weight_decay=0.01" in src
    assert "AdamW: p ← p − lr·wd·p (decoupled" in src
    src = codegen.pytorch_script(RunConfig(optimizer="sgd", weight_decay=0.1))
    assert "torch.optim.SGD(model.parameters(), lr=0.01, weight_decay=0.1)" in src
    assert "momentum" not in src and "torch adds wd·p to every gradient" in src
    src = codegen.pytorch_script(RunConfig(optimizer="rmsprop", alpha=0.9, activation="gelu"))
    assert "alpha=0.9, eps=1e-08" in src and 'nn.GELU(approximate="tanh")' in src
    src = codegen.pytorch_script(RunConfig(optimizer="adagrad", activation="maxout"))
    assert "eps=1e-10" in src and "class Maxout" in src and "2 * fan_out" in src
    src = codegen.pytorch_script(RunConfig(initializer="he_normal", init_scale=0.5))
    assert "with he_normal ×0.5; in torch:\n# nn.init.kaiming_normal_(w" in src
    src = codegen.pytorch_script(RunConfig(), npz_name="my run.npz")
    assert 'np.load("my run.npz")' in src and "python train_pytorch.py" in src


def test_keras_script_substitutions_are_explained():
    src = codegen.keras_script(RunConfig(activation="leaky_relu", optimizer="rmsprop", l2=0.1))
    assert "keras.activations.leaky_relu(z, negative_slope=0.1)" in src
    assert "rho=0.99, epsilon=1e-08**2)" in src
    assert "ε inside the square root" in src and "L2, WEIGHT_DECAY = 0.1, 0.0" in src
    assert "idx = np.concatenate(batches)" in src
    assert "model.fit(X_train[idx], Y_train[idx], batch_size=len(batches[0]), shuffle=False" in src
    assert "model.set_weights(" in src and "import keras  #" in src and "from tensorflow" not in src
    assert "KERAS_BACKEND=torch python train_keras.py" in src
    # Dense as EinsumDense (float64 kept on every backend), the losses as float64 sums
    assert 'layers.EinsumDense("ab,bc->ac", width, bias_axes="c"' in src and "#23704" in src
    assert "ops.sum(v) / ops.cast(ops.size(v), v.dtype)" in src
    src = codegen.keras_script(RunConfig(activation="maxout", optimizer="adam"))
    assert "layers.Reshape((width, 2))" in src and "before the bias correction" in src
    assert "Adam(learning_rate=0.01, beta_1=0.9, beta_2=0.999, epsilon=1e-08)" in src
    src = codegen.keras_script(RunConfig(activation="gelu", optimizer="momentum", loss="hinge"))
    assert "approximate=True" in src and "MultiMarginLoss" in src
    assert "keras.optimizers.SGD(learning_rate=0.01, momentum=0.9)\n" in src
    assert "ε" not in src  # SGD's Keras rule is torch's: nothing to explain
    src = codegen.keras_script(RunConfig(optimizer="nesterov", loss="mse", dataset="blobs"))
    assert "momentum=0.9, nesterov=True" in src and "ops.softmax(z, axis=1)" in src
    src = codegen.keras_script(RunConfig(optimizer="adagrad", eps=0.001))
    assert "initial_accumulator_value=0.0, epsilon=0.001**2" in src
    src = codegen.keras_script(RunConfig(optimizer="sgd", weight_decay=0.01))
    assert "WEIGHT_DECAY = 0.0, 0.01" in src and "decoupled" in src
    assert "weight_decay=" not in src.split("keras.optimizers.SGD(")[1].split(")")[0]
    src = codegen.keras_script(RunConfig(optimizer="adamw", weight_decay=0.05))
    assert "keras.optimizers.AdamW(" in src and "weight_decay=0.05" in src
    assert "L2, WEIGHT_DECAY = 0.0, 0.0" in src  # decoupled: not a regularizer


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
FEW = {"epochs": 6, "n_samples": 200}
# shapes of runs (every optimizer, loss and activation is run in test_codegen_registry.py)
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


@pytest.fixture(scope="module")
def torch_runs(tmp_path_factory):
    """{case: (our result, (stdout, traceback, returncode) of its PyTorch script)}."""
    if not have("torch"):
        pytest.skip("torch not installed")
    return run_cases("pytorch", TORCH_CASES, tmp_path_factory, {"adamw-maxout": "custom name.npz"})


def test_pytorch_script_runs_standalone(tmp_path):
    """The student's way: `python train_pytorch.py` next to the .npz."""
    if not have("torch"):
        pytest.skip("torch not installed")
    config = TORCH_CASES["nesterov-relu-ce-3class"]
    result = run(config)
    write_case(tmp_path, codegen.pytorch_script(config), result, codegen.NPZ_NAME)
    proc = subprocess.run(
        [sys.executable, "script.py"], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    train_loss, _ = final(proc.stdout)
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9)


@pytest.mark.parametrize("case", list(TORCH_CASES))
def test_pytorch_script_matches_our_training(case, torch_runs):
    result, (stdout, stderr, rc) = torch_runs[case]
    assert rc == 0, stderr[-3000:]
    assert result.status == "ok"
    train_loss, test_accuracy = final(stdout)
    # observed: equal to ≤ 3e-12 relative; 1e-9 still leaves room for other BLAS builds
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12)
    assert test_accuracy == result.final["test_accuracy"]
    # the progress lines are the playground's history at those epochs
    lines = progress(stdout)
    assert [e for e, _ in lines] == list(range(1, 7))
    for epoch, loss in lines:
        assert loss == pytest.approx(result.history["train_loss"][epoch], abs=2e-6)


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
    write_case(tmp_path, codegen.sklearn_script(config), result, codegen.NPZ_NAME)
    (stdout, stderr, rc) = run_scripts([tmp_path])[tmp_path]
    assert rc == 0, stderr[-3000:]
    train_loss, test_accuracy = final(stdout)
    assert train_loss > 0 and 0.0 <= test_accuracy <= 1.0
