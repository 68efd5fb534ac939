"""A switch from the menu to another page with the sidebar puts the setup back into the address
(Streamlit drops the bound parameters on a switch, and a widget writes its value again only when
it changes: a reload or a copied link there lost the setup). The browser side of the same:
tests/e2e/test_links_browser.py::test_a_menu_switch_keeps_the_setup_in_the_address."""

from __future__ import annotations

import pytest
from streamlit.navigation.page import calc_hash

from tests.app.test_links import SMALL, open_app

SETUP = {"optimizer": "SGD", "learning_rate": "0.1", "dataset": "circles", "width": "5"}


def _switch(at, page: str):
    """What the browser does on a menu click: the new page's address, without the setup."""
    for key in list(at.query_params):
        if key != "lang":
            del at.query_params[key]
    at._page_hash = calc_hash(page)
    return at.run()


def _setup(at) -> dict:
    return {k: at.query_params[k] for k in SETUP if k in at.query_params}


def _flat(params: dict) -> dict:
    return {k: v[-1] if isinstance(v, list) else v for k, v in params.items()}


@pytest.mark.parametrize("page", ["compare", "sweep", "exercises"])
def test_the_setup_is_back_in_the_address_after_a_menu_switch(page):
    at = open_app({**SMALL, **SETUP}).run()
    assert not at.exception
    assert _flat(_setup(at)) == SETUP
    at = _switch(at, page)
    assert not at.exception, [e.value for e in at.exception]
    assert _flat(_setup(at)) == SETUP
    assert at.session_state["width"] == 5 and at.session_state["optimizer"] == "sgd"


def test_a_default_setup_puts_nothing_into_the_address():
    at = open_app(dict(SMALL)).run()
    at = _switch(at, "compare")
    assert not at.exception
    assert _setup(at) == {}
