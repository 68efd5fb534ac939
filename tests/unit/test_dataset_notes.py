"""What the playground says when the loss is not finite even before training: the advice depends
on the scaler actually selected, and names only scalers that would bring the inputs into range."""

from __future__ import annotations

import warnings
from types import SimpleNamespace

import numpy as np
import pytest

from playground import experiment
from playground.app import dataset_notes, i18n
from playground.config import RunConfig

RNG = np.random.default_rng(0)
BASE = RNG.uniform(1.0, 2.0, (60, 2))


def result(scale: float, scaler: str, X: np.ndarray | None = None):
    X = BASE * scale if X is None else X
    return SimpleNamespace(config=RunConfig(scaler=scaler), X_train=X[:40], X_test=X[40:])


@pytest.fixture(params=["en", "ko"])
def lang(request, monkeypatch):
    monkeypatch.setattr(i18n, "lang", lambda: request.param)
    return request.param


def say(lang: str, key: str, **kw) -> str:
    return (
        i18n.FORMATTER.format(i18n.CATALOGUES[lang][key], **kw)
        if kw
        else i18n.CATALOGUES[lang][key]
    )


SPREAD = np.array([[-1.7e308, 1.0], [1.7e308, 2.0]] * 30)  # max − min overflows for MinMaxScaler
# (scale, selected scaler, X) -> the sentences after the first, by key and arguments
CASES = {
    "1e300, StandardScaler": (
        (1e300, "standard", None),
        [("ds.too_large.standard", {}), ("ds.too_large.try", {"scalers": "MinMaxScaler"})],
    ),
    "1e300, no scaler": (
        (1e300, "none", None),
        [("ds.too_large.none", {}), ("ds.too_large.try", {"scalers": "MinMaxScaler"})],
    ),
    "1e100, no scaler": (
        (1e100, "none", None),
        [("ds.too_large.none", {}), ("ds.too_large.try", {"scalers": "either"})],
    ),
    "8e307, Normalizer": (
        (1, "normalizer_l1", BASE * 8e307),  # |x₁| + |x₂| overflows
        [
            ("ds.too_large.other", {"scaler": "Normalizer (L1)"}),
            ("ds.too_large.try", {"scalers": "MinMaxScaler"}),
        ],
    ),
    "±1.7e308, MinMaxScaler": (
        (1, "minmax", SPREAD),
        [
            ("ds.too_large.other", {"scaler": "MinMaxScaler"}),
            ("ds.too_large.rescale", {"exp": 308}),
        ],
    ),
}


@pytest.mark.parametrize("case, sentences", CASES.values(), ids=CASES.keys())
def test_the_advice_follows_the_selected_scaler(lang, case, sentences):
    res = result(*case)
    biggest = float(np.abs(np.vstack([res.X_train, res.X_test])).max())
    expected = [say(lang, "ds.too_large", max=f"{biggest:.3g}")]
    for key, kw in sentences:
        if kw.get("scalers") == "either":
            kw = {"scalers": say(lang, "ds.either", a="StandardScaler", b="MinMaxScaler")}
        expected.append(say(lang, key, **kw))
    assert dataset_notes.too_large(res) == " ".join(expected)


@pytest.mark.parametrize("scale", [1e155, 1e200, 1e300, 1e307])
@pytest.mark.parametrize("scaler", ["standard", "none"])
def test_beyond_1e154_only_minmax_scaler_is_suggested(lang, scale, scaler):
    text = dataset_notes.too_large(result(scale, scaler))
    assert text.endswith(" " + say(lang, "ds.too_large.try", scalers="MinMaxScaler"))


@pytest.mark.parametrize(
    "scaler, scale, ok",
    [
        ("standard", 1e150, True),
        ("standard", 1e155, False),  # its variance (a square) overflows
        ("minmax", 1e307, True),
        ("minmax", 1.0, True),
        ("minmax", 1e300, True),  # the smallest point becomes (0, 0): that is fine
        ("normalizer_l2", 1e300, False),  # ‖x‖₂ overflows: every point becomes (0, 0)
        ("normalizer_l2", 1e100, True),
    ],
)
def test_in_range(scaler, scale, ok):
    X = BASE * scale
    assert dataset_notes.in_range(scaler, X, X) is ok


def test_a_real_run_near_1e300_with_standard_scaler(monkeypatch):
    monkeypatch.setattr(i18n, "lang", lambda: "en")
    X = BASE * 1e300
    y = (X[:, 0] > 1.5e300).astype(np.int64)
    with warnings.catch_warnings():  # scikit-learn's fit warns of the overflow; that is the point
        warnings.simplefilter("ignore", RuntimeWarning)
        res = experiment.run(RunConfig(scaler="standard", epochs=10), dataset=(X, y, ["a", "b"]))
    assert res.history.empty
    text = dataset_notes.too_large(res)
    assert "StandardScaler cannot help here" in text and text.endswith("Try MinMaxScaler.")
    assert "`float64`" in text
