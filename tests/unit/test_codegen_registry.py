"""Codegen over every registry entry: each activation, initializer, loss and optimizer becomes
valid code in all three scripts, written as its facts say; the PyTorch script reproduces our
training for every optimizer, loss and activation; a temporary new entry needs nothing else."""

from __future__ import annotations

import numpy as np
import pytest
from codegen_support import final, have, run_cases

from playground import codegen
from playground.codegen import keras as keras_code
from playground.config import RunConfig
from playground.nn import activations, initializers, losses, optimizers
from playground.nn.facts import Facts

FAMILIES = {
    "activation": activations,
    "initializer": initializers,
    "loss": losses,
    "optimizer": optimizers,
}
ENTRIES = [(kind, name) for kind, family in FAMILIES.items() for name in family.NAMES]
SCRIPTS = {
    "pytorch": codegen.pytorch_script,
    "keras": codegen.keras_script,
    "sklearn": codegen.sklearn_script,
}


def _fitting(config: dict) -> dict:
    """`config` (RunConfig keywords) on a regression set if its loss serves regression only."""
    if "classification" not in losses.get(config.get("loss", "cross_entropy")).tasks:
        return config | {"dataset": "regression_gaussians"}
    return config


def _facts(kind: str, name: str) -> Facts:
    if kind == "optimizer":
        return type(optimizers.get(name)).facts
    return FAMILIES[kind].get(name).facts


def _scripts(config: RunConfig) -> dict[str, str]:
    out = {}
    for framework, make in SCRIPTS.items():
        out[framework] = src = make(config)
        compile(src, f"train_{framework}.py", "exec")
    return out


@pytest.mark.parametrize(("kind", "name"), ENTRIES, ids=[f"{k}-{n}" for k, n in ENTRIES])
def test_codegen_writes_every_entry_as_its_facts_say(kind, name):
    facts = _facts(kind, name)
    config = RunConfig(**_fitting({kind: name, "hidden": (4,), "dataset": "blobs"}))
    src = _scripts(config)
    if kind == "activation":
        assert (facts.torch or f"PyTorch has no {name}") in src["pytorch"]
        keras = facts.code.get("keras_hidden") or facts.keras or f"Keras has no {name}"
        assert keras in src["keras"]
        sklearn = f'activation="{facts.sklearn}"' if facts.sklearn else f"not {name};"
        assert sklearn in src["sklearn"]
    elif kind == "initializer":  # the scripts load our initial weights and name the rule
        for framework, rule in [("pytorch", facts.torch), ("keras", facts.keras)]:
            assert f"playground with {name}; in " in src[framework]
            assert f"\n# {rule}\n" in src[framework]
    elif kind == "loss":
        task = "" if "classification" in losses.get(name).tasks else "_regression"
        assert facts.code[f"torch{task}"] in src["pytorch"]
        assert facts.code[f"keras{task}"] in src["keras"]
        assert (f"not {name}." in src["sklearn"]) == (facts.sklearn != "log_loss")
    else:
        assert f"torch.optim.{facts.torch}(" in src["pytorch"]
        assert f"keras.optimizers.{facts.keras}(" in src["keras"]
        solver = f'solver="{facts.sklearn}"' if facts.sklearn else f"{name} becomes adam"
        assert solver in src["sklearn"]


# Every optimizer, loss and activation (the next ones in turn), 6 epochs on 200 points.
TORCH_CASES = {
    f"{kind}-{name}": RunConfig(
        **_fitting(
            {kind: name}
            | {k: FAMILIES[k].NAMES[i % len(FAMILIES[k].NAMES)] for k in FAMILIES if k != kind}
            | {"dataset": ("moons", "blobs", "spiral3")[i % 3]}
        ),
        epochs=6,
        n_samples=200,
    )
    for i, (kind, name) in enumerate(ENTRIES)
    if kind != "initializer"  # the scripts load the initial weights: the rule does not matter
}


@pytest.fixture(scope="module")
def torch_runs(tmp_path_factory):
    if not have("torch"):
        pytest.skip("torch not installed")
    return run_cases("pytorch", TORCH_CASES, tmp_path_factory)


@pytest.mark.parametrize("case", list(TORCH_CASES))
def test_pytorch_script_reproduces_every_entry(case, torch_runs):
    result, (stdout, error, rc) = torch_runs[case]
    assert rc == 0, error[-3000:]
    train_loss, test_accuracy = final(stdout)
    # observed ≤ 1e-15 relative (the same float64 rules); 1e-9 leaves room for other BLAS builds
    assert train_loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12)
    if "test_r2" in result.final:  # a regression run (huber): its test R²
        assert test_accuracy == pytest.approx(result.final["test_r2"], rel=1e-9, abs=1e-12)
    else:
        assert test_accuracy == result.final["test_accuracy"]


# ---- a temporary entry needs nothing but its registry entry ---------------------------------
def _reproduced_by_both_scripts(config: RunConfig, tmp_path_factory) -> None:
    """The PyTorch and the Keras script (where installed) end at our final train loss."""
    runs = {"pytorch": have("torch"), "keras": have("keras", "torch")}
    for framework in [f for f, ok in runs.items() if ok]:
        result, (stdout, error, rc) = run_cases(framework, {"c": config}, tmp_path_factory)["c"]
        assert rc == 0, error[-3000:]
        loss = final(stdout)[0]
        assert loss == pytest.approx(result.final["train_loss"], rel=1e-9, abs=1e-12), framework


class AMSGrad(optimizers.Adam):
    """Adam keeping the largest v so far (torch: Adam(amsgrad=True)), registered only here."""

    name = "amsgrad_tmp"
    defaults = {**optimizers.Adam.defaults, "amsgrad": True}
    facts = Facts(
        formula=r"\hat v \leftarrow \max(\hat v, v)",
        text_key="opt.adam",
        torch="Adam",
        keras="Adam",
        hyper=optimizers.Adam.facts.hyper,
        code={"torch_fixed": "amsgrad=True"},
    )


class Nameless(optimizers.SGD):
    """An optimizer no framework has (facts say None), registered only here."""

    name = "nameless_tmp"
    facts = Facts(formula=r"\theta", text_key="opt.sgd", hyper=optimizers.SGD.facts.hyper)


@pytest.fixture
def temporary_optimizers():
    for cls in (AMSGrad, Nameless):
        optimizers.register(cls)
    yield
    for cls in (AMSGrad, Nameless):
        optimizers.unregister(cls.name)


def test_a_temporary_optimizer_gets_working_code(temporary_optimizers, tmp_path_factory):
    config = RunConfig(optimizer="amsgrad_tmp", eps=0.0, activation="tanh", epochs=6, n_samples=200)
    src = _scripts(config)
    assert "torch.optim.Adam(" in src["pytorch"] and "amsgrad=True" in src["pytorch"]
    assert "keras.optimizers.Adam(" in src["keras"] and "amsgrad=True" in src["keras"]
    assert 'solver="adam"' in src["sklearn"] and "amsgrad_tmp becomes adam" in src["sklearn"]
    assert keras_code.exact(config)  # ε = 0: Keras' Adam(amsgrad=True) is torch's rule
    _reproduced_by_both_scripts(config, tmp_path_factory)
    plain = RunConfig(optimizer="adam", eps=0.0, activation="tanh", epochs=6, n_samples=200)
    assert codegen.pytorch_script(plain).count("amsgrad") == 0


def test_an_optimizer_no_framework_has_is_said_in_valid_code(temporary_optimizers):
    src = _scripts(RunConfig(optimizer="nameless_tmp", hidden=(3,)))
    assert "PyTorch has no nameless_tmp optimizer: plain SGD stands in" in src["pytorch"]
    assert "torch.optim.SGD(model.parameters(), lr=0.01)" in src["pytorch"]
    assert "Keras has no nameless_tmp optimizer: plain SGD stands in" in src["keras"]
    assert "nameless_tmp becomes adam" in src["sklearn"]
    assert not keras_code.exact(RunConfig(optimizer="nameless_tmp"))


SOFTSIGN = activations.Activation(
    "softsign_tmp",
    lambda z: z / (1.0 + np.abs(z)),
    lambda z, a: 1.0 / (1.0 + np.abs(z)) ** 2,
    Facts(
        formula=r"f(z) = \frac{z}{1 + |z|}",
        text_key="activation.tanh.about",
        torch="nn.Softsign()",
        keras='"softsign"',
    ),
)
MSE_COPY = losses.Loss(  # a loss whose facts name the frameworks' built-ins, no snippets
    "mse_tmp",
    losses.get("mse").fn,
    Facts(formula="L", text_key="loss.mse", torch="nn.MSELoss()", keras="keras.losses.MSE"),
)


@pytest.fixture
def temporary_entries():
    activations.register(SOFTSIGN)
    losses.register(MSE_COPY)
    yield
    activations.unregister(SOFTSIGN.name)
    losses.unregister(MSE_COPY.name)


def test_a_temporary_activation_and_loss_get_code_from_their_facts(
    temporary_entries, tmp_path_factory
):
    config = RunConfig(
        activation="softsign_tmp", optimizer="momentum", dataset="blobs", epochs=6, n_samples=200
    )
    assert keras_code.exact(config)
    src = _scripts(config)
    assert "nn.Linear(fan_in, fan_out), nn.Softsign()]" in src["pytorch"]
    assert 'activation = "softsign"  # hidden layers: softsign_tmp' in src["keras"]
    assert "not softsign_tmp;" in src["sklearn"] and 'activation="relu"' in src["sklearn"]
    _reproduced_by_both_scripts(config, tmp_path_factory)
    # a loss without snippets: the built-in is named and called, and says what to check
    src = _scripts(RunConfig(loss="mse_tmp"))
    assert "criterion = nn.MSELoss()  # the playground's mse_tmp" in src["pytorch"]
    assert "keras_loss = keras.losses.MSE  # the playground's mse_tmp" in src["keras"]
    assert "not mse_tmp." in src["sklearn"]
