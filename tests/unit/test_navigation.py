"""The navigation module: every page once, with its address, title (in both languages) and icon;
pages reach each other by id (a link, or a switch that carries a URL query)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from playground.app import i18n, navigation

REPO = Path(__file__).resolve().parents[2]
URLS = [p.url_path for p in navigation.PAGES.values()]


def _renders() -> dict:
    return {pid: (lambda: None) for pid in navigation.PAGES}


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_title_is_in_both_catalogues(lang):
    for p in navigation.PAGES.values():
        assert i18n.CATALOGUES[lang].get(p.title_key), (lang, p.title_key)


def test_a_missing_or_unknown_page_is_an_error():
    renders = _renders()
    del renders[navigation.SWEEP]
    with pytest.raises(ValueError, match="sweep"):
        navigation.pages(renders)
    with pytest.raises(ValueError, match="unknown page 'lab'.*optimizer_lab"):
        navigation.target("lab")


SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from playground.app import navigation

def home():
    st.title("home")
    if st.button("go", key="go"):
        navigation.switch(navigation.COMPARE, query={{"optimizer": "sgd"}})
    navigation.link(navigation.BACKPROP, label="to backprop")

def stub(name):
    return lambda: st.title(name)

# AppTest leaves this file as the process's __main__: a worker process that another test
# spawns re-runs it as "__mp_main__", where it must do nothing.
if __name__ == "__main__":
    renders = {{pid: stub(pid) for pid in navigation.PAGES}} | {{navigation.PLAYGROUND: home}}
    built = navigation.pages(renders)
    st.session_state["built"] = [(p.url_path, p.title, p.icon) for p in built]
    st.navigation(built).run()
"""


def test_every_page_once_with_its_address_title_and_icon():
    at = AppTest.from_string(SCRIPT, default_timeout=30).run()
    built = at.session_state["built"]
    # the default page is served at "/"; /playground is its hidden alias
    assert [url for url, _, _ in built] == ["", *list(URLS)[1:], "playground"]
    pages = ["home", "learn", "exercises", "compare", "sweep", "optimizer-lab", "backprop"]
    assert [*pages, "instructor"] == URLS
    titles = [i18n.EN[p.title_key] for p in navigation.PAGES.values()]
    assert [title for _, title, _ in built] == [*titles, i18n.EN["nav.playground"]]
    icons = [p.icon for p in navigation.PAGES.values()]
    assert [icon for _, _, icon in built] == [*icons, icons[0]]


def test_switch_goes_to_the_page_with_its_query_and_link_points_to_the_page():
    at = AppTest.from_string(SCRIPT, default_timeout=30).run()
    assert [t.value for t in at.title] == ["home"]
    link = at.get("page_link")[0].proto
    assert (link.label, link.page) == ("to backprop", "backprop")
    at.button(key="go").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == [navigation.COMPARE]
    assert at.query_params["optimizer"] == "sgd"
