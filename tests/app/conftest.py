"""AppTest helpers for the page tests: the app's path, small runs, fresh caches per test."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")
# Ten epochs on 100 samples: every run trains in well under a second on a shared 2-core box.
SMALL = {"epochs": "10", "n_samples": "100"}


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Runs are cached across sessions (st.cache_resource): no test may see another's runs."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def make_app():
    """`make_app(**query_params)`: an AppTest of streamlit_app.py opened with this URL
    (small runs unless the params say otherwise). Not run yet."""

    def make(small: bool = True, context: dict | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in {**(SMALL if small else {}), **params}.items():
            at.query_params[key] = value
        if context:
            at.context.update(context)
        return at

    return make
