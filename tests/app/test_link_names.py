"""A link may name an option as DESIGN.md's RunConfig does (`optimizer=sgd`) or as the widget
writes it (`optimizer=SGD`), in any letter case: both open that option, say nothing, and the
address is rewritten to the widget's label (so the widget reads it and a copied link is the
same). Unknown names still fall back to the default and say so."""

from __future__ import annotations

import pytest

from playground.app import links
from playground.app.i18n import option_label
from playground.config import RunConfig
from tests.app.test_links import SMALL, open_app, shown_config

# (key, as the link writes it, the registry name it means), first and last entries included
NAMED = [
    ("optimizer", "sgd", "sgd"),
    ("optimizer", "SGD", "sgd"),
    ("optimizer", "AdamW", "adamw"),
    ("optimizer", "ADAMW", "adamw"),
    ("optimizer", "rmsprop", "rmsprop"),
    ("scaler", "none", "none"),
    ("scaler", "normalizer_max", "normalizer_max"),
    ("activation", "relu", "relu"),
    ("activation", "Leaky_ReLU", "leaky_relu"),
    ("initializer", "he_normal", "he_normal"),
    ("initializer", "zeros", "zeros"),
    ("dataset", "circles", "circles"),
    ("dataset", "XOR", "xor"),
    ("loss", "mse", "mse"),
]


@pytest.mark.parametrize(("key", "text", "name"), NAMED)
def test_a_link_may_name_an_option_by_its_registry_name_in_any_case(key, text, name):
    assert links._option_name(key, text) == name
    at = open_app({**SMALL, key: text}).run()
    assert not at.exception, [e.value for e in at.exception]
    assert getattr(shown_config(at), key) == name
    assert not [w.value for w in at.warning if text in w.value], "said the value was wrong"
    assert at.query_params[key] in (option_label(name), [option_label(name)])  # widget label


@pytest.mark.parametrize(
    ("key", "text"),
    [("optimizer", "sgdx"), ("optimizer", ""), ("scaler", "standard scaler"), ("dataset", "moon")],
)
def test_an_unknown_name_still_falls_back_and_says_so(key, text):
    assert links._option_name(key, text) is None
    at = open_app({**SMALL, key: text}).run()
    assert not at.exception
    assert getattr(shown_config(at), key) == getattr(RunConfig(), key)
    assert any(key in str(w.value) or text in str(w.value) for w in at.warning), [
        w.value for w in at.warning
    ]
