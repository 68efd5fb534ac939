"""The load benchmark's browser-like driver (benchmarks/_ws.py) against the real server: a
knob change really changes the run (the page then shows what the trainer gives for it), bytes
are counted, the ForwardMsg cache answers repeats, a wrong knob or value raises."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from _server import start_server, stop_server  # noqa: E402
from _ws import ForwardMsgCache, Tab, UnknownWidget, _url_value  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from playground.config import RunConfig  # noqa: E402
from playground.experiment import run  # noqa: E402

LOSS, ACC = "Train loss", "Test accuracy"


def _shown(config: RunConfig) -> dict[str, str]:
    """The two metrics as the playground page writes them for `config`."""
    last = run(config).final
    return {LOSS: f"{last['train_loss']:.3g}", ACC: f"{last['test_accuracy']:.1%}"}


@pytest.fixture(scope="module")
def base():
    proc, url = start_server("--server.fileWatcherType=none", env={"PLAYGROUND_TRAIN_WORKERS": "0"})
    yield url
    stop_server(proc)


def test_knob_change_reaches_the_trainer(base):
    tanh, relu = _shown(RunConfig()), _shown(RunConfig(activation="relu"))
    assert tanh[LOSS] != relu[LOSS]  # else the check below could not tell the runs apart

    async def scenario():
        tab = Tab(base)
        try:
            first = await tab.open()
            changed = await tab.set("activation", "ReLU")
            back = await tab.set("activation", "tanh")
            with pytest.raises(UnknownWidget):
                await tab.set("no_such_knob", "ReLU")
            with pytest.raises(ValueError, match="activation"):
                await tab.set("activation", "Softmax")
            with pytest.raises(ValueError, match="width"):
                await tab.set("width", 10_000)
            return tab, first, changed, back
        finally:
            await tab.close()

    tab, first, changed, back = asyncio.run(scenario())
    for r in (first, changed, back):
        assert r.status == "FINISHED_SUCCESSFULLY" and not r.exceptions
        assert r.received > 10_000 and r.messages > 10 and r.seconds > 0
    assert {k: first.metrics()[k] for k in (LOSS, ACC)} == tanh
    assert {k: changed.metrics()[k] for k in (LOSS, ACC)} == relu
    assert {k: back.metrics()[k] for k in (LOSS, ACC)} == tanh
    assert tab.value("activation") == "tanh" and ("activation", "ReLU") not in tab.query
    # the page the tanh run drew is in the cache: its big messages come back as references
    assert back.cache_hits > 0 and back.received < first.received
    assert first.cache_hits == 0


def test_cache_forgets_messages_unused_for_max_age_runs():
    cache = ForwardMsgCache()
    msg = ForwardMsg(hash="h1")
    msg.metadata.cacheable = True
    cache.process(msg, msg.SerializeToString())
    ref = ForwardMsg(ref_hash="h1")
    for _ in range(2):
        cache.finished_run(max_age=2)
    assert cache.process(ref, ref.SerializeToString())[1] is True  # used again: age 0
    for _ in range(3):
        cache.finished_run(max_age=2)
    assert "h1" not in cache.messages
    with pytest.raises(RuntimeError, match="MISS"):
        cache.process(ref, ref.SerializeToString())


def test_url_values_as_the_frontend_writes_them():
    assert _url_value([16.0]) == ["16"]
    assert _url_value([0.2]) == ["0.2"]
    assert _url_value(True) == ["true"]
    assert _url_value("Leaky ReLU") == ["Leaky ReLU"]
