"""Tuning Playground — the router: thread limits, language, navigation."""

import functools

from threadpoolctl import threadpool_limits

threadpool_limits(1)  # 2 shared cores: concurrent sessions would otherwise thrash BLAS

import streamlit as st  # noqa: E402

from playground.app import exercises_page, i18n, layout, learn_page  # noqa: E402
from playground.app.backprop_page import render as backprop_page  # noqa: E402
from playground.app.compare_page import render as compare_page  # noqa: E402
from playground.app.optimizer_lab import render as optimizer_lab  # noqa: E402
from playground.app.playground_page import render as playground_page  # noqa: E402
from playground.app.sidebar import check_url  # noqa: E402
from playground.app.sweep_page import render as sweep_page  # noqa: E402

st.set_page_config(page_title="Tuning Playground", page_icon=":material/tune:", layout="wide")
layout.style()  # phone layout: Korean line breaks, wrapping formulas
check_url()
st.sidebar.segmented_control(
    "Language · 언어",
    i18n.LANGS,
    default=i18n.locale_lang(),
    required=True,
    key="lang",
    bind="query-params",
)
home = st.Page(
    playground_page,
    title=i18n.t("nav.playground"),
    icon=":material/tune:",
    url_path="home",  # the default page, served at "/"
    default=True,
)
# /playground (e.g. /playground?lang=ko&optimizer=SGD) opens the playground too, with its URL
# as it is. (Not a switch to "/": a switch cannot carry `lang`, which the language control
# binds on every page, and the control would not write it back on the switched-to page's
# first run, so a link copied there would lose the language.)
alias = st.Page(playground_page, title=i18n.t("nav.playground"), icon=":material/tune:",
                url_path="playground", visibility="hidden")  # fmt: skip
lab = st.Page(
    optimizer_lab, title=i18n.t("lab.nav"), icon=":material/landscape:", url_path="optimizer-lab"
)
backprop = st.Page(
    backprop_page, title=i18n.t("bp.nav"), icon=":material/account_tree:", url_path="backprop"
)
learn = st.Page(
    functools.partial(
        learn_page.render, playground_page=home, optimizer_lab_page=lab, backprop_page=backprop
    ),
    title=i18n.t("learn.nav"),
    icon=":material/menu_book:",
    url_path="learn",
)
exercises = st.Page(
    functools.partial(exercises_page.render, playground_page=home),
    title=i18n.t("ex.nav"),
    icon=":material/exercise:",
    url_path="exercises",
)
compare = st.Page(
    compare_page, title=i18n.t("cmp.nav"), icon=":material/compare:", url_path="compare"
)
sweep = st.Page(
    sweep_page, title=i18n.t("sw.nav"), icon=":material/stacked_line_chart:", url_path="sweep"
)
pages = [home, learn, exercises, compare, sweep, lab, backprop, alias]
st.navigation(pages, position="top").run()
