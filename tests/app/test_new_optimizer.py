"""Issue 9's acceptance test: a new optimizer is one registry entry plus its texts.

NAdam (tests/unit/test_temporary_optimizer.py: a subclass of Adam with torch.optim.NAdam's rule,
checked there against torch) is registered here with its two texts, and nothing else is edited:
the setup round-trips through JSON and the address, `run_many` equals `run()` on it, codegen
emits it and the PyTorch script reproduces the run, and every page that offers optimizers
(Playground with its sidebar and downloads, Learn ⑤, the optimizer lab, Compare, Sweep) renders
it. Each check would fail if a module kept its own table of optimizer names."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from playground import codegen
from playground.app import i18n, state
from playground.app.i18n import option_label
from playground.app.pages import sweep as _sweep  # noqa: F401  imported before NAdam exists
from playground.config import RunConfig, from_query
from playground.experiment import run, run_many
from playground.nn import optimizers
from tests.unit.codegen_support import final, run_cases
from tests.unit.test_temporary_optimizer import NAdam

REPO = Path(__file__).resolve().parents[2]
SETUP = dict(optimizer="nadam", epochs=8, n_samples=120, learning_rate=0.02, beta1=0.8)
PAGES = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from playground.app.pages import compare, optimizer_lab, playground, sweep
from playground.app.pages import learn

page = st.session_state.get("page", "playground")
{{"playground": playground, "learn": learn, "lab": optimizer_lab, "compare": compare,
  "sweep": sweep}}[page].render()
"""


@pytest.fixture
def nadam(monkeypatch) -> RunConfig:
    monkeypatch.setitem(i18n.EN, "opt.nadam", "Adam with Nesterov momentum (torch.optim.NAdam).")
    monkeypatch.setitem(i18n.KO, "opt.nadam", "네스테로프 모멘텀을 쓰는 Adam입니다.")
    optimizers.register(NAdam)
    yield RunConfig(**SETUP)  # valid only while NAdam is registered
    optimizers.unregister("nadam")


def test_setup_json_and_address_round_trip(nadam):
    assert RunConfig.from_json(nadam.to_json()) == nadam
    assert from_query(nadam.to_query()) == (nadam, [])
    assert nadam.optimizer_hyper()["betas"] == (0.8, 0.999)  # its hyper-parameters from its facts
    optimizers.unregister("nadam")
    with pytest.raises(ValueError, match="nadam"):
        RunConfig.from_json(nadam.to_json())  # gone again: a clear error, not a silent default
    optimizers.register(NAdam)


def test_run_many_equals_run(nadam):
    configs = [replace(nadam, seed=s) for s in (0, 1, 2)]
    for a, b in zip(run_many(configs), [run(c) for c in configs], strict=True):
        assert a.status == b.status == "ok"
        np.testing.assert_allclose(
            a.history.to_numpy(), b.history.to_numpy(), rtol=1e-12, atol=1e-12
        )


def test_codegen_emits_it_and_the_pytorch_script_reproduces_the_run(nadam, tmp_path_factory):
    script = codegen.pytorch_script(nadam)
    assert "torch.optim.NAdam(" in script and "betas=(0.8, 0.999)" in script
    for make in (codegen.keras_script, codegen.sklearn_script):
        compile(make(nadam), "script.py", "exec")  # valid Python, whatever the framework lacks
    result, (stdout, tb, rc) = run_cases("pytorch", {"nadam": nadam}, tmp_path_factory)["nadam"]
    assert rc == 0, tb
    ours = result.final["train_loss"]
    assert final(stdout)[0] == pytest.approx(ours, rel=1e-9)
    adam = run(replace(nadam, optimizer="adam"))
    assert adam.final["train_loss"] != pytest.approx(ours, rel=1e-6)  # a different rule


def page(name: str, **session) -> AppTest:
    at = AppTest.from_string(PAGES, default_timeout=120)
    at.session_state["page"], at.session_state["lang"] = name, "en"
    for key, value in session.items():
        at.session_state[key] = value
    for key, value in {"epochs": "8", "n_samples": "120"}.items():
        at.query_params[key] = value
    return at


def test_the_playground_trains_it_with_its_sidebar_knobs(nadam):
    at = page("playground")
    at.query_params["optimizer"] = option_label("nadam")
    at.run()
    assert not at.exception
    assert at.selectbox(key="optimizer").value == "nadam"
    shown = [n.key for n in at.number_input if n.key != "seed" and not n.key.startswith("width_")]
    assert shown == [h.field for h in NAdam.facts.hyper]  # beta1, beta2, eps, weight_decay
    text = "\n".join(m.value for m in [*at.markdown, *at.caption, *at.info, *at.success])
    assert "Test accuracy" in text  # it trained: the diagnosis speaks of the finished run


def test_learn_and_the_lab_show_its_rule_and_text(nadam):
    at = page("learn", **{state.LEARN_SECTION: "5", state.LEARN_OPTIMIZER: "nadam"}).run()
    assert not at.exception
    shown = "\n".join(m.value for m in [*at.markdown, *at.caption])
    assert "Adam with Nesterov momentum" in shown
    at = page("lab", **{state.LAB_OPTIMIZERS: ["sgd", "nadam"]}).run()
    assert not at.exception
    assert "nadam" in at.multiselect(key=state.LAB_OPTIMIZERS).value


def test_compare_and_sweep_offer_it(nadam):
    at = page(
        "compare",
        **{state.PINS: [{"name": "A", "config": replace(nadam, optimizer="adam")}]},
    )
    at.query_params["optimizer"] = option_label("nadam")
    at.run()
    assert not at.exception
    at = page("sweep").run()
    assert not at.exception
    at.selectbox(key=state.SW_KNOB1).set_value("optimizer").run()
    assert not at.exception
    assert option_label("nadam") in at.multiselect(key=state.sweep_values("optimizer")).options
