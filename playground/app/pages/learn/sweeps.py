"""The sweeps of ⑥ (width) and ⑦ (depth): final accuracies of small runs, cached."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from playground.app.i18n import option_label, t
from playground.app.pages.learn.common import BLUE, ORANGE
from playground.app.runs import train
from playground.config import RunConfig

SWEEP_EPOCHS, SWEEP_SAMPLES = 150, 300  # the sweeps (other settings: RunConfig defaults)
DEPTH_WIDTH = 8  # ⑦: the width of every layer


def sweep_caption(key: str, dataset: str, values: tuple[int, ...]) -> str:
    """The ⑥/⑦ caption with the sweep's real settings (RunConfig's defaults and the constants)."""
    c = RunConfig()
    return t(
        key, dataset=option_label(dataset), lo=values[0], hi=values[-1], width=DEPTH_WIDTH,
        activation=option_label(c.activation), optimizer=option_label(c.optimizer),
        epochs=SWEEP_EPOCHS,
    )  # fmt: skip


@st.cache_data(max_entries=16, show_spinner=False)
def sweep(dataset: str, field: str, values: tuple[int, ...]) -> pd.DataFrame:
    """Final train/test accuracy for hidden = (v,) (field "width") or (8,) * v ("depth")."""
    rows = []
    for v in values:
        hidden = (v,) if field == "width" else (DEPTH_WIDTH,) * v
        r = train(
            RunConfig(dataset=dataset, hidden=hidden, epochs=SWEEP_EPOCHS, n_samples=SWEEP_SAMPLES)
        )
        for split in ("train", "test"):
            rows.append({field: v, "split": split, "accuracy": float(r.final[f"{split}_accuracy"])})
    return pd.DataFrame(rows)


def sweep_chart(df: pd.DataFrame, field: str, title_key: str) -> alt.Chart:
    return (
        alt.Chart(df)
        .mark_line(point=True, strokeWidth=2.5)
        .encode(
            x=alt.X(f"{field}:O", title=t(title_key), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("accuracy:Q", title=t("learn.accuracy"), scale=alt.Scale(domain=[0.4, 1.0])),
            color=alt.Color(
                "split:N",
                scale=alt.Scale(domain=["train", "test"], range=[BLUE, ORANGE]),
                legend=alt.Legend(
                    title=t("learn.split"),
                    labelExpr=f"datum.label == 'train' ? '{t('learn.train')}' : '{t('learn.test')}'",
                ),
            ),
        )
        .properties(height=240, width="container")
    )


def picture(field: str, values: tuple[int, ...], datasets: tuple[str, ...], key: str) -> None:
    """⑥/⑦'s picture: pick a data set (the first one shown first), sweep `field` over `values`,
    draw train and test accuracy, and say the sweep's settings (learn.6.* or learn.7.*)."""
    number = {"width": "6", "depth": "7"}[field]
    dataset = st.segmented_control(
        t("learn.dataset"),
        datasets,
        default=datasets[0],
        required=True,
        format_func=option_label,
        key=key,
    )
    with st.spinner():
        df = sweep(dataset, field, values)
    st.altair_chart(sweep_chart(df, field, f"learn.{number}.{field}"), width="stretch")
    st.caption(sweep_caption(f"learn.{number}.sweep", dataset, values))
