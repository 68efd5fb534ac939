"""Option labels come from the registry entries: every entry has one, they are unique, they
are the names links have carried so far, and a newly registered entry brings its own."""

from __future__ import annotations

from dataclasses import replace

import pytest

from playground import preprocessing
from playground.app.i18n import OPTION_LABELS, option_label
from playground.nn import activations, initializers, losses, optimizers

FAMILIES = (losses, activations, initializers, optimizers)

# What shared links have carried since the first wave: a label must never change silently.
KNOWN = {
    "standard": "StandardScaler",
    "normalizer_l2": "Normalizer (L2)",
    "cross_entropy": "Cross-entropy",
    "mse": "MSE",
    "tanh": "tanh",
    "leaky_relu": "Leaky ReLU",
    "swish": "Swish (SiLU)",
    "zeros": "zeros",
    "random_normal": "Random normal (σ 0.05)",
    "he_uniform": "He uniform",
    "sgd": "SGD",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adamw": "AdamW",
}


@pytest.mark.parametrize("name, label", sorted(KNOWN.items()))
def test_known_labels_unchanged(name, label):
    assert option_label(name) == label


@pytest.mark.parametrize("family", [preprocessing, *FAMILIES], ids=lambda f: f.__name__)
def test_every_entry_has_a_unique_label(family):
    labels = [option_label(n) for n in family.NAMES]
    assert all(labels) and len(set(labels)) == len(labels)


def test_every_name_is_labelled_and_nothing_else():
    names = {*preprocessing.NAMES, *(n for f in FAMILIES for n in f.NAMES)}
    assert set(OPTION_LABELS) == names
    assert option_label("moons") == "moons" and option_label(8) == "8"  # other values as they are


def test_a_registered_entry_brings_its_label():
    amsgrad = type(
        "AMSGrad",
        (optimizers.Adam,),
        {"name": "amsgrad_tmp", "facts": replace(optimizers.Adam.facts, label="AMSGrad")},
    )
    optimizers.register(amsgrad)
    try:
        assert option_label("amsgrad_tmp") == "AMSGrad" and "amsgrad_tmp" in OPTION_LABELS
    finally:
        optimizers.unregister("amsgrad_tmp")
    assert "amsgrad_tmp" not in OPTION_LABELS and option_label("amsgrad_tmp") == "amsgrad_tmp"
