"""Message catalogues (en, ko) and the `t()` helper. Option values stay language-neutral.

Every user-facing text lives in `playground/app/locales/<lang>/<area>.py` (a `MESSAGES` dict per
file, the same keys in both languages); this module merges each language's files into one dict.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

import streamlit as st

from playground import preprocessing
from playground.app import locales, state
from playground.app.locales.glossary import FORMATTER
from playground.nn import activations, initializers, losses, optimizers

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


class _OptionLabels(Mapping):
    """Language-neutral display names of option values (the same in both languages, as on the
    slides), read from the registry entries (`facts.label`, a scaler's `label`): a newly
    registered entry brings its own."""

    @staticmethod
    def _all() -> dict[str, str]:
        labels = {s.name: s.label for s in map(preprocessing.get, preprocessing.NAMES)}
        for family in (losses, activations, initializers, optimizers):
            labels |= {e.name: e.facts.label or e.name for e in family.entries()}
        return labels

    def __getitem__(self, name: str) -> str:
        if name in preprocessing.NAMES:
            return preprocessing.get(name).label
        for family in (losses, activations, initializers, optimizers):
            if name in family.NAMES:
                return family.get(name).facts.label or name
        raise KeyError(name)

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


OPTION_LABELS = _OptionLabels()


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
