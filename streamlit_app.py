"""Tuning Playground — the router: thread limits, language, navigation."""

from threadpoolctl import threadpool_limits

threadpool_limits(1)  # 2 shared cores: concurrent sessions would otherwise thrash BLAS

import streamlit as st  # noqa: E402

from playground.app import i18n  # noqa: E402
from playground.app.backprop_page import render as backprop_page  # noqa: E402
from playground.app.compare_page import render as compare_page  # noqa: E402
from playground.app.optimizer_lab import render as optimizer_lab  # noqa: E402
from playground.app.playground_page import render as playground_page  # noqa: E402
from playground.app.sidebar import check_url  # noqa: E402

st.set_page_config(page_title="Tuning Playground", page_icon=":material/tune:", layout="wide")
check_url()
st.sidebar.segmented_control(
    "Language · 언어",
    i18n.LANGS,
    default=i18n.locale_lang(),
    required=True,
    key="lang",
    bind="query-params",
)
pages = [
    st.Page(
        playground_page,
        title=i18n.t("nav.playground"),
        icon=":material/tune:",
        url_path="playground",
        default=True,
    ),
    st.Page(compare_page, title=i18n.t("cmp.nav"), icon=":material/compare:", url_path="compare"),
    st.Page(
        optimizer_lab,
        title=i18n.t("lab.nav"),
        icon=":material/landscape:",
        url_path="optimizer-lab",
    ),
    st.Page(
        backprop_page, title=i18n.t("bp.nav"), icon=":material/account_tree:", url_path="backprop"
    ),
]
st.navigation(pages, position="top" if len(pages) > 1 else "hidden").run()
