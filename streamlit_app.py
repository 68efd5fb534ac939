"""Tuning Playground — the router: thread limits, language, navigation."""

from threadpoolctl import threadpool_limits

threadpool_limits(1)  # 2 shared cores: concurrent sessions would otherwise thrash BLAS

import functools  # noqa: E402

import streamlit as st  # noqa: E402

from playground.app import i18n, layout, learn_page, navigation, state  # noqa: E402
from playground.app.backprop_page import render as backprop_page  # noqa: E402
from playground.app.optimizer_lab import render as optimizer_lab  # noqa: E402
from playground.app.pages import compare, exercises, playground, sweep  # noqa: E402
from playground.app.sidebar import check_url  # noqa: E402

st.set_page_config(page_title="Tuning Playground", page_icon=":material/tune:", layout="wide")
layout.style()  # phone layout: Korean line breaks, wrapping formulas
check_url()
st.sidebar.segmented_control(
    "Language · 언어",
    i18n.LANGS,
    default=i18n.locale_lang(),
    required=True,
    key=state.LANG,
    bind="query-params",
)
renders = {
    navigation.PLAYGROUND: playground.render,
    navigation.LEARN: functools.partial(
        learn_page.render,
        playground_page=navigation.target(navigation.PLAYGROUND),
        optimizer_lab_page=navigation.target(navigation.OPTIMIZER_LAB),
        backprop_page=navigation.target(navigation.BACKPROP),
    ),
    navigation.EXERCISES: exercises.render,
    navigation.COMPARE: compare.render,
    navigation.SWEEP: sweep.render,
    navigation.OPTIMIZER_LAB: optimizer_lab,
    navigation.BACKPROP: backprop_page,
}
st.navigation(navigation.pages(renders), position="top").run()
