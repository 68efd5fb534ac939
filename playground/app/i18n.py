"""Message catalogues (en, ko) and the `t()` helper. Option values stay language-neutral.

Every user-facing text lives in `playground/app/locales/<lang>/<area>.py` (a `MESSAGES` dict per
file, the same keys in both languages); this module merges each language's files into one dict.
"""

from __future__ import annotations

import importlib
import pkgutil

import streamlit as st

from playground.app import locales, state
from playground.app.locales.glossary import FORMATTER

LANGS = ("en", "ko")


def _load(lang: str) -> dict[str, str]:
    """Merge every `locales/<lang>/*.py` MESSAGES dict; a key defined twice is an error."""
    package = importlib.import_module(f"{locales.__name__}.{lang}")
    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        messages = importlib.import_module(f"{package.__name__}.{info.name}").MESSAGES
        twice = set(merged) & set(messages)
        if twice:
            raise ValueError(f"{lang}/{info.name}.py redefines {sorted(twice)}")
        merged.update(messages)
    return merged


EN = _load("en")
KO = _load("ko")
CATALOGUES = {"en": EN, "ko": KO}
LANG_NAMES = {"en": "English", "ko": "한국어"}

# Language-neutral display names of option values (the same in both languages, as on the slides).
OPTION_LABELS = {
    "none": "none",
    "standard": "StandardScaler",
    "minmax": "MinMaxScaler",
    "normalizer_l2": "Normalizer (L2)",
    "normalizer_l1": "Normalizer (L1)",
    "normalizer_max": "Normalizer (max)",
    "cross_entropy": "Cross-entropy",
    "mse": "MSE",
    "hinge": "Hinge",
    "linear": "Linear",
    "sigmoid": "Sigmoid",
    "tanh": "tanh",
    "relu": "ReLU",
    "leaky_relu": "Leaky ReLU",
    "elu": "ELU",
    "maxout": "Maxout",
    "selu": "SELU",
    "gelu": "GELU",
    "swish": "Swish (SiLU)",
    "softplus": "Softplus",
    "zeros": "zeros",
    "random_normal": "Random normal (σ 0.05)",
    "random_uniform": "Random uniform (±0.05)",
    "glorot_normal": "Glorot normal",
    "glorot_uniform": "Glorot uniform",
    "he_normal": "He normal",
    "he_uniform": "He uniform",
    "lecun_normal": "LeCun normal",
    "lecun_uniform": "LeCun uniform",
    "sgd": "SGD",
    "momentum": "Momentum",
    "nesterov": "Nesterov",
    "adagrad": "AdaGrad",
    "rmsprop": "RMSProp",
    "adam": "Adam",
    "adamw": "AdamW",
}


def locale_lang() -> str:
    """The browser's language if we speak it (st.context.locale, e.g. "ko-KR"), else English."""
    try:
        loc = (st.context.locale or "en").lower()
    except Exception:  # no browser context (AppTest, bare mode)
        loc = "en"
    return "ko" if loc.startswith("ko") else "en"


def lang() -> str:
    value = st.session_state.get(state.LANG, "en")
    return value if value in LANGS else "en"


def t(key: str, **kw) -> str:
    """The message `key` in the current language (English as fallback), formatted with kw.
    A Korean particle pair as format spec picks the particle for the value: "{name:을/를}"."""
    text = CATALOGUES[lang()].get(key) or EN.get(key) or key
    return FORMATTER.format(text, **kw) if kw else text


def option_label(name) -> str:
    """Display name of an option value: language-neutral, because bound widgets put the
    displayed label into the URL and a shared link must work in either language."""
    return OPTION_LABELS.get(name, str(name))


def catalogue(area: str, language: str) -> dict[str, str]:
    """One area's messages (`locales/<language>/<area>.py`), e.g. for tests of a page's keys."""
    return importlib.import_module(f"{locales.__name__}.{language}.{area}").MESSAGES
