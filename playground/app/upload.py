"""A user's own CSV data set for this session (sidebar), and its validation messages."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

import numpy as np
import streamlit as st

from playground import data
from playground.app import state
from playground.app.i18n import t
from playground.app.safe import md

MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Upload:
    """A validated CSV: data for `experiment.prepare(config, dataset)` plus names."""

    name: str
    X: np.ndarray
    y: np.ndarray
    class_names: tuple[str, ...]
    feature_names: tuple[str, str]
    digest: str

    @property
    def dataset(self) -> tuple[np.ndarray, np.ndarray, list[str]]:
        return self.X, self.y, list(self.class_names)


def parse(name: str, raw: bytes) -> Upload:
    """Validate a CSV's bytes (ValueError with a plain-words message if it cannot be used)."""
    if len(raw) > MAX_BYTES:
        raise ValueError(t("up.too_big", mb=MAX_BYTES // 1_000_000))
    X, y, classes, features = data.read_csv_table(io.BytesIO(raw))
    return Upload(name, X, y, tuple(classes), features, hashlib.sha256(raw).hexdigest()[:16])


def sidebar_uploader() -> None:
    """The uploader; keeps the last valid upload in session state, reports a bad file."""
    file = st.file_uploader(t("up.label"), type=["csv"], help=t("up.help"), key=state.UPLOAD_FILE)
    if file is None:
        st.session_state.pop(state.UPLOAD, None)
        return
    current = st.session_state.get(state.UPLOAD)
    if (
        current is None
        or current.name != file.name
        or st.session_state.get(state.UPLOAD_ID) != file.file_id
    ):
        try:
            st.session_state[state.UPLOAD] = parse(file.name, file.getvalue())
            st.session_state[state.UPLOAD_ID] = file.file_id
        except ValueError as e:
            st.session_state.pop(state.UPLOAD, None)
            st.error(t("up.error", error=md(e, 400)), icon=":material/error:")
            return
    up = st.session_state[state.UPLOAD]
    st.toggle(
        t("up.use", name=md(up.name), n=len(up.y), k=len(up.class_names)),
        value=True,
        key=state.USE_UPLOAD,
    )


def active() -> Upload | None:
    """The data to train on instead of the config's data set, if any: this session's drawing
    while Draw mode is on (app/draw.py keeps it in state.DRAWN), else the switched-on upload."""
    return st.session_state.get(state.DRAWN) or csv_active()


def csv_active() -> Upload | None:
    """The upload to train on, if any and switched on."""
    up = st.session_state.get(state.UPLOAD)
    return up if up is not None and st.session_state.get(state.USE_UPLOAD, True) else None
