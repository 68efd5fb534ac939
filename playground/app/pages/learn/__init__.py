"""Learn page: the seven tuning points ①–⑦, back-propagation and vanishing / exploding
gradients, one section at a time: a short explanation, the formulas (a registry entry's from its
facts), a small live picture computed with the playground's own code, and "Try it" buttons that
load a teaching preset. One module per section; `render()` draws the page."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from playground import presets
from playground.app import navigation, sidebar, state
from playground.app.i18n import t
from playground.app.pages.learn import (
    activation,
    backprop,
    cost,
    gradients,
    initialization,
    layers,
    nodes,
    optimizer,
    preprocessing,
    regularization,
)
from playground.config import RunConfig

SECTIONS = ("1", "2", "3", "4", "5", "6", "7", "reg", "backprop", "gradients")
RENDER: dict[str, Callable[[], None]] = {
    "1": preprocessing.render, "2": cost.render, "3": activation.render,
    "4": initialization.render, "5": optimizer.render, "6": nodes.render, "7": layers.render,
    "reg": regularization.render, "backprop": backprop.render, "gradients": gradients.render,
}  # fmt: skip
SECTION_PRESETS = {
    "1": ("normalizer_circles", "standard_circles"),
    "2": ("mse_saturated", "ce_saturated"),
    "3": ("deep_sigmoid", "deep_sigmoid_adam"),
    "4": ("zero_init", "large_weights"),
    "5": ("lr_too_high", "full_batch_gd", "minibatch_sgd"),
    "6": ("too_few_nodes", "too_many_nodes"),
    "7": ("too_many_nodes", "deep_sigmoid"),
    "reg": (),
    "backprop": (),
    "gradients": ("deep_sigmoid", "large_weights"),
}


def go_to_playground(config: RunConfig) -> None:
    """Switch to the playground after `config` was loaded into the sidebar's widgets, with the
    setup in the URL (`sidebar.url_query`): the widgets are new there, so without it the address
    would be a bare `/` and a copied link would lose the setup."""
    navigation.switch(navigation.PLAYGROUND, query=sidebar.url_query(config))


def _try_it(section: str) -> None:
    ids = SECTION_PRESETS[section]
    if not ids:
        return
    st.markdown(f"#### {t('learn.try')}")
    for col, pid in zip(st.columns(len(ids)), ids, strict=True):
        preset = presets.get(pid)
        with col.container(border=True):
            st.markdown(f"**{t(f'learn.preset.{preset.key}')}**")
            st.caption(t(f"learn.preset.{preset.key}.about"))
            if st.button(
                t("learn.try_btn"),
                key=state.learn_try(section, pid),
                icon=":material/play_arrow:",
                on_click=sidebar.load_config,
                args=(preset.config,),
            ):
                go_to_playground(preset.config)


def render() -> None:
    """The Learn page: a section picker, the section, its "Try it" presets."""
    st.title(t("learn.title"))
    st.caption(t("learn.intro"))
    section = st.segmented_control(
        t("learn.pick"),
        SECTIONS,
        default="1",
        required=True,
        format_func={s: t(f"learn.sec.{s}") for s in SECTIONS}.get,  # labels of this run
        key=state.LEARN_SECTION,
    )
    st.subheader(t(f"learn.sec.{section}"))
    RENDER[section]()
    _try_it(section)
