"""The pages of the app, and the one way pages reach each other.

Each page has an id (`PLAYGROUND`, `LEARN`, …) with its address, title key and icon in `PAGES`.
The router (streamlit_app.py) imports the page modules and hands their render functions to
`pages()`, which builds this script run's st.Page objects (titles in the run's language). A page
never imports another page: it links with `link(page_id)` or switches with `switch(page_id,
query=...)`. Both build a handle on the registered page by its address (Streamlit knows a page
by its url_path), so this module imports no page either and nothing here is shared between
sessions.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitAPIException

from playground.app.i18n import t

PLAYGROUND = "playground"
LEARN = "learn"
EXERCISES = "exercises"
COMPARE = "compare"
SWEEP = "sweep"
OPTIMIZER_LAB = "optimizer_lab"
BACKPROP = "backprop"
INSTRUCTOR = "instructor"


@dataclass(frozen=True)
class PageInfo:
    url_path: str  # the page's address: /<url_path>
    title_key: str  # its title in the menu (a message key)
    icon: str


PAGES: dict[str, PageInfo] = {  # menu order
    PLAYGROUND: PageInfo("home", "nav.playground", ":material/tune:"),  # the default page, "/"
    LEARN: PageInfo("learn", "learn.nav", ":material/menu_book:"),
    EXERCISES: PageInfo("exercises", "ex.nav", ":material/exercise:"),
    COMPARE: PageInfo("compare", "cmp.nav", ":material/compare:"),
    SWEEP: PageInfo("sweep", "sw.nav", ":material/stacked_line_chart:"),
    OPTIMIZER_LAB: PageInfo("optimizer-lab", "lab.nav", ":material/landscape:"),
    BACKPROP: PageInfo("backprop", "bp.nav", ":material/account_tree:"),
    INSTRUCTOR: PageInfo("instructor", "ins.nav", ":material/co_present:"),  # workshop rooms
}
DEFAULT = PLAYGROUND
# /playground (e.g. /playground?lang=ko&optimizer=SGD) opens the playground too, with its URL
# as it is. (Not a switch to "/": a switch cannot carry `lang`, which the language control
# binds on every page, and the control would not write it back on the switched-to page's
# first run, so a link copied there would lose the language.)
ALIASES = {"playground": PLAYGROUND}  # hidden address -> page id


def info(page_id: str) -> PageInfo:
    try:
        return PAGES[page_id]
    except KeyError:
        raise ValueError(f"unknown page {page_id!r}; pages: {', '.join(PAGES)}") from None


def pages(renders: Mapping[str, Callable[[], None]]) -> list[st.Page]:
    """This run's st.Page objects for st.navigation, in menu order, then the hidden aliases.
    `renders`: page id -> the page's render function, one for every id in `PAGES`."""
    if set(renders) != set(PAGES):
        raise ValueError(f"renders for {sorted(renders)}; pages are {sorted(PAGES)}")
    built = [
        st.Page(
            renders[pid],
            title=t(p.title_key),
            icon=p.icon,
            url_path=p.url_path,
            default=pid == DEFAULT,
        )
        for pid, p in PAGES.items()
    ]
    for url_path, pid in ALIASES.items():
        p = PAGES[pid]
        built.append(
            st.Page(
                renders[pid],
                title=t(p.title_key),
                icon=p.icon,
                url_path=url_path,
                visibility="hidden",
            )
        )
    return built


def _registered() -> None:
    """Stands in for a page's render function in a handle: the registered page renders."""


def target(page_id: str) -> st.Page:
    """A handle on the registered page `page_id`, for st.page_link or st.switch_page
    (Streamlit matches pages by url_path)."""
    p = info(page_id)
    return st.Page(_registered, title=t(p.title_key), icon=p.icon, url_path=p.url_path)


def link(
    page_id: str,
    label: str | None = None,
    icon: str | None = ":material/arrow_forward:",
    query: Mapping[str, str] | None = None,
    **kwargs,
) -> None:
    """A link to page `page_id` (its title unless `label`), with `query` in its address."""
    st.page_link(target(page_id), label=label, icon=icon, query_params=query, **kwargs)


def switch(page_id: str, query: Mapping[str, str] | None = None) -> None:
    """Switch to page `page_id` with `query` as its URL query (e.g. a setup from
    `sidebar.url_query(config)`: the widgets there are new and would write a value that only
    session state holds to the URL on a later rerun, so a copied link would lose it).

    On a page that draws the sidebar, its bound parameters cannot be set by a switch
    (Streamlit refuses) and need not be: the widgets keep their values across the switch and
    write them back. The switch then goes with `query_params={}`."""
    try:
        st.switch_page(target(page_id), query_params=dict(query or {}))
    except StreamlitAPIException:  # a parameter bound on this page: let the widgets write it
        st.switch_page(target(page_id), query_params={})
