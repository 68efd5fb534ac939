"""The cross-session LRUs of runs and chart specs: the least recently used entry leaves first,
a hit counts as a use, a spec is built once per key."""

import pytest

from playground.app.chart_cache import SpecCache
from playground.app.runs import MAX_RUNS, RunCache, run_cache
from playground.config import RunConfig

A, B, C = (RunConfig(seed=s) for s in range(3))


def test_run_cache_evicts_the_least_recently_used():
    cache = RunCache(max_entries=2)
    cache.put(A, "a")
    cache.put(B, "b")
    assert cache.get(A) == "a"  # A is now the most recently used ...
    cache.put(C, "c")  # ... so B leaves
    assert (cache.get(A), cache.get(B), cache.get(C)) == ("a", None, "c")
    assert len(cache) == 2
    cache.put(A, "a2")  # replacing a key keeps the size
    assert len(cache) == 2 and cache.get(A) == "a2"


def test_the_app_run_cache_keeps_its_limit():
    assert run_cache().max_entries == MAX_RUNS == 256


class _Chart:
    def __init__(self, name: str, built: list) -> None:
        built.append(name)
        self.name = name

    def to_dict(self, validate: bool = True) -> dict:
        return {"mark": self.name}


def test_spec_cache_builds_once_per_key_and_evicts_the_oldest():
    built: list[str] = []
    cache = SpecCache(max_entries=2)

    def get(key):
        return cache.get_or_build(key, lambda: _Chart(key, built))

    assert get("x") == {"mark": "x"}
    assert get("x") == {"mark": "x"} and built == ["x"]  # the second time from the cache
    get("y")
    get("x")  # x used again: y is now the oldest
    get("z")  # y leaves
    get("x")
    assert built == ["x", "y", "z"]
    get("y")
    assert built == ["x", "y", "z", "y"]


@pytest.mark.parametrize(
    "config",
    [
        RunConfig(epochs=5),
        RunConfig(dataset="blobs", epochs=5),  # three classes
        RunConfig(activation="linear", optimizer="sgd", learning_rate=10, init_scale=20,
                  hidden=(8,) * 5, epochs=5),  # diverges: NaN and missing values
    ],
    ids=["binary", "three", "diverged"],
)  # fmt: skip
def test_cached_specs_carry_arrow_bytes_that_draw_the_same_chart(config):
    """The spec cache stores datasets as the Arrow bytes st.vega_lite_chart would make of them
    on every call: the chart message (datasets and spec text) is the same either way."""
    from streamlit.elements.vega_charts import _marshall_chart_data, _prepare_vega_lite_spec
    from streamlit.proto.VegaLiteChart_pb2 import VegaLiteChart

    from playground import page_specs
    from playground.charts import DEFAULT_LABELS
    from playground.experiment import run
    from playground.page_specs import with_arrow_datasets

    result = run(config)
    names = page_specs.defaults(result)
    assert len(names) >= 5
    for name, options in names:
        raw = page_specs.build(result, name, options, dict(DEFAULT_LABELS), ("a", "b"))
        cached = SpecCache().get_or_build("k", lambda raw=raw: raw)
        assert all(isinstance(v, bytes) for v in cached["datasets"].values())
        assert all(isinstance(v, list) for v in raw["datasets"].values())  # not changed
        assert with_arrow_datasets(cached) is cached  # converted once
        protos = []
        for spec in (raw, cached):
            proto = VegaLiteChart()
            spec = _prepare_vega_lite_spec(spec, True)
            _marshall_chart_data(proto, spec, None)
            protos.append((proto, spec))
        (a, spec_a), (b, spec_b) = protos
        assert [(d.name, d.data.data) for d in a.datasets] == [
            (d.name, d.data.data) for d in b.datasets
        ]
        assert len(a.datasets) == len(raw["datasets"]) and spec_a == spec_b
        assert "datasets" not in spec_a  # all of them went to the message as Arrow
    # a training worker hands over its default charts already converted
    made = page_specs.default_specs(result, dict(DEFAULT_LABELS), ("a", "b"))
    assert all(isinstance(v, bytes) for s in made.values() for v in s["datasets"].values())
