"""What the page says about data sets themselves: the CSV files of the data-set folder that were
left out (each with its reason), and inputs too large for the network's arithmetic."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from playground import data, preprocessing
from playground.app.i18n import option_label, t
from playground.app.safe import md

IN_RANGE = 1e6  # scaled inputs up to this size keep the starting network's loss finite
SUGGESTED = ("standard", "minmax")  # the scalers the course recommends for features
PER_FEATURE = ("none", "standard", "minmax")  # the others scale each point by its own norm
MAX_REASON = 400  # characters of a reason shown (a reason quotes cells of the file)


def render() -> None:
    """In the sidebar: the CSV files of the data-set folder left out of the list, and why."""
    errors = data.CSV_ERRORS
    if not errors:
        return
    folder = md(f"{data.DATASETS_DIR.name}/")
    with st.expander(t("ds.left_out", folder=folder, n=len(errors)), icon=":material/warning:"):
        st.caption(t("ds.left_out.help"))
        for name, reason in errors.items():
            st.markdown(t("ds.file", name=md(name), reason=md(reason, MAX_REASON)))


def in_range(scaler: str, X_train: np.ndarray, X: np.ndarray) -> bool:
    """Whether `scaler`, fitted on X_train (n, 2), maps the rows of X (m, 2) to finite values of
    at most IN_RANGE in size that still differ where X does (StandardScaler overflows above
    ~1.3e154: it squares; an L1/L2 norm or a max − min range can overflow too)."""
    with np.errstate(all="ignore"):  # thread-local: other sessions keep their warnings
        try:
            Z = preprocessing.make_scaler(scaler).fit(X_train).transform(X)
        except (ValueError, ArithmeticError):
            return False
    if not (np.isfinite(Z).all() and np.abs(Z).max() <= IN_RANGE):
        return False
    # an overflowed max − min sends every point to one; an overflowed norm, a point to (0, 0)
    spread = (Z.max(axis=0) > Z.min(axis=0)) | (X.max(axis=0) == X.min(axis=0))
    kept = (Z != 0).any(axis=1) | (X == 0).all(axis=1) | (scaler in PER_FEATURE)
    return bool(spread.all() and kept.all())


def too_large(result) -> str:
    """Why the loss of `result` (a RunResult) was not finite even before training: its inputs
    are too large; what the selected scaler did about it; which scalers would help, if any."""
    X = np.vstack([result.X_train, result.X_test])
    biggest = float(np.abs(X).max())
    chosen = result.config.scaler
    words = [t("ds.too_large", max=f"{biggest:.3g}")]
    if chosen == "none":
        words.append(t("ds.too_large.none"))
    elif not in_range(chosen, result.X_train, X):
        key = "ds.too_large.standard" if chosen == "standard" else "ds.too_large.other"
        words.append(t(key, scaler=option_label(chosen)))
    else:
        return words[0]  # the selected scaler copes (the cause is elsewhere): no advice
    helpful = [option_label(s) for s in SUGGESTED if s != chosen and in_range(s, result.X_train, X)]
    if helpful:
        scalers = helpful[0] if len(helpful) == 1 else t("ds.either", a=helpful[0], b=helpful[1])
        words.append(t("ds.too_large.try", scalers=scalers))
    else:
        exp = int(math.floor(math.log10(biggest))) if math.isfinite(biggest) and biggest else 0
        words.append(t("ds.too_large.rescale", exp=exp))
    return " ".join(words)
