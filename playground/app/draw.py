"""Draw mode on the playground: click on a plane to add points of a class (or erase one), and the
drawing becomes the run's data set, as an uploaded CSV does (`upload.active()` returns it).

The drawing lives in session state (`state.DRAWING`); while Draw mode is on it is also kept as an
`Upload` (`state.DRAWN`) that training, live play and the charts read. It is shared as the link's
`points=` parameter while it has at most `drawn.URL_MAX` points, as a CSV download always, and in
the setup JSON (`setup_json`, `split_setup`). Every change happens in a callback, before the page
script runs, so the sidebar and the run see the drawing as it now is.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from playground import drawn, experiment, export
from playground.app import links, state, upload
from playground.app.i18n import t
from playground.app.safe import md
from playground.charts import drawing as plane_chart
from playground.config import RunConfig
from playground.drawn import DrawnError

PARAM = "points"  # the link's query parameter
MODES = ("0", "1", "erase")  # what a click does: add a class-0 point, a class-1 point, erase
_MARKS = {"0": ":orange[●]", "1": ":blue[●]", "erase": ":material/ink_eraser:"}  # as the plane


@dataclass(frozen=True)
class Drawing:
    points: drawn.Points = ()
    on: bool = False


def current() -> Drawing:
    return st.session_state.get(state.DRAWING) or Drawing()


def error_text(e: DrawnError) -> str:
    """A DrawnError in the page's language, as plain text: it quotes outside values (from a
    link or a file), so it is shown through `md`."""
    return t(f"draw.err.{e.code}", **e.params)


def _store(drawing: Drawing) -> None:
    """Keep `drawing`, its Upload while Draw mode is on, and the link's points= in step."""
    st.session_state[state.DRAWING] = drawing
    if drawing.on:
        X, y, names = drawn.dataset(drawing.points)
        st.session_state[state.DRAWN] = upload.Upload(
            "drawn", X, y, tuple(names), drawn.FEATURES, drawn.digest(drawing.points)
        )
    else:
        st.session_state.pop(state.DRAWN, None)
    _sync_url(drawing)


def _sync_url(drawing: Drawing) -> None:
    """points= holds the drawing while Draw mode is on and it fits a link; else it is gone."""
    text = None
    if drawing.on and len(drawing.points) <= drawn.URL_MAX:
        text = drawn.encode(drawing.points)
    if text is None:
        st.query_params.pop(PARAM, None)
    elif st.query_params.get(PARAM) != text:
        st.query_params[PARAM] = text


def _say(level: str, text: str) -> None:
    st.session_state[state.DRAW_MESSAGE] = (level, text)


def read_url() -> None:
    """Once per session, before the sidebar: a link's points= turns Draw mode on with them. A
    value that cannot be read is taken out of the address and named; the rest of the link is
    used as it is."""
    if st.session_state.get(state.DRAW_URL_SEEN):
        return
    st.session_state[state.DRAW_URL_SEEN] = True
    if PARAM not in st.query_params:
        return
    value = st.query_params[PARAM]
    try:
        _store(Drawing(drawn.decode(value), on=True))
    except DrawnError as e:
        st.query_params.pop(PARAM, None)
        _say("error", t("draw.bad_link", value=md(value[:40]), error=md(error_text(e), 300)))


# ------------------------------------------------------------------------------ callbacks
def _toggled() -> None:
    _store(Drawing(current().points, bool(st.session_state.get(state.DRAW_TOGGLE))))


def _apply(x: float, y: float) -> None:
    """What a click (or a typed point) does in the chosen mode."""
    mode = st.session_state.get(state.DRAW_MODE) or MODES[0]
    drawing = current()
    try:
        if mode == "erase":
            points = drawn.erase_nearest(drawing.points, x, y)
        else:
            points = drawn.add(drawing.points, x, y, int(mode))
    except DrawnError as e:
        _say("warning", md(error_text(e), 300))
        return
    _store(Drawing(points, drawing.on))


def _clicked(key: str) -> None:
    """on_select of the plane: apply the click, then a fresh plane (its selection empty)."""
    where = plane_chart.clicked(st.session_state.get(key))
    st.session_state[state.DRAW_CLICKS] = st.session_state.get(state.DRAW_CLICKS, 0) + 1
    if where is not None:
        _apply(*where)


def _typed() -> None:
    s = st.session_state
    _apply(float(s.get(state.DRAW_X) or 0.0), float(s.get(state.DRAW_Y) or 0.0))


def _clear() -> None:
    _store(Drawing((), current().on))


def _copy() -> None:
    """Start from the data set the sidebar (or the switched-on CSV upload) describes."""
    up = upload.csv_active()
    try:
        if up is not None:
            X, y = up.X, up.y
        else:
            X, y, _ = experiment.load_data(links.config_from_values(st.session_state))
        points, notes = drawn.from_arrays(X, y)
    except DrawnError as e:
        _say("warning", md(error_text(e), 300))
        return
    except ValueError as e:  # the sidebar's settings do not make a run (the page says why)
        _say("warning", md(e, 300))
        return
    _store(Drawing(points, True))
    words = [t("draw.copied", n=len(points))] + [t(f"draw.note.{n}", max=drawn.MAX_POINTS,
             plane=f"{drawn.PLANE:g}") for n in notes]  # fmt: skip
    _say("info", " ".join(words))


# ------------------------------------------------------------------------------ setup JSON
def setup_json(config: RunConfig) -> str:
    """The setup JSON of `config`, with the drawing while Draw mode is on."""
    drawing = current()
    text = export.config_json(config)
    return drawn.setup_json(text, drawing.points) if drawing.on else text


def split_setup(raw: bytes | str) -> tuple[bytes | str, drawn.Points | None]:
    """`drawn.split_setup` with its refusal in the page's language (a ValueError)."""
    try:
        return drawn.split_setup(raw)
    except DrawnError as e:
        raise ValueError(error_text(e)) from None


def use(points: drawn.Points | None) -> None:
    """A loaded setup's drawing (Draw mode on), or none (Draw mode off, the drawing kept)."""
    _store(Drawing(points, True) if points is not None else Drawing(current().points, False))


# ------------------------------------------------------------------------------ the panel
def panel(config: RunConfig, labels: dict) -> bool:
    """The Draw toggle and, while it is on, the plane and its tools. Returns whether Draw mode
    is on; stops the page (a message) while the drawing cannot train yet."""
    drawing = current()
    locked = "dataset" in st.session_state.get(state.LOCKED, ())  # an exercise fixes the data
    if locked and drawing.on:
        _store(drawing := Drawing(drawing.points, False))
    _sync_url(drawing)  # after another page, whose links leave points= out
    if msg := st.session_state.pop(state.DRAW_MESSAGE, None):
        getattr(st, msg[0])(msg[1], icon=":material/draw:")
    st.session_state[state.DRAW_TOGGLE] = drawing.on
    st.toggle(t("draw.toggle"), key=state.DRAW_TOGGLE, on_change=_toggled, help=t("draw.help"),
              disabled=locked)  # fmt: skip
    if not drawing.on:
        return False
    with st.container(border=True, key="draw_panel"):
        left, right = st.columns(2, gap="medium")
        with left, st.container(key="draw_plane"):
            key = state.draw_plane(st.session_state.get(state.DRAW_CLICKS, 0))
            st.vega_lite_chart(plane_chart.plane(drawing.points, labels), width="content",
                               on_select=lambda: _clicked(key), key=key)  # fmt: skip
        with right:
            _tools(drawing)
    why = drawn.problem(drawing.points) or _split_problem(config, drawing.points)
    if why is not None:
        n0, n1 = drawn.counts(drawing.points)
        st.warning(t(f"draw.{why}", min=drawn.MIN_POINTS, n=len(drawing.points), n0=n0, n1=n1,
                     tf=f"{config.test_fraction:g}"), icon=":material/draw:")  # fmt: skip
        st.stop()
    st.info(t("draw.active"), icon=":material/draw:")
    return True


def _split_problem(config: RunConfig, points: drawn.Points) -> str | None:
    """ "split" if the run's train/test split cannot be made of these few points (a stratified
    split needs each side to hold both classes), else None."""
    X, y, _ = drawn.dataset(points)
    try:
        experiment.split(config, X, y)
    except ValueError:
        return "split"
    return None


def _tools(drawing: Drawing) -> None:
    st.segmented_control(t("draw.mode"), MODES, default=MODES[0], key=state.DRAW_MODE,
                         help=t("draw.mode.help"),
                         format_func=lambda m: f"{_MARKS[m]} {t(f'draw.mode.{m}')}")  # fmt: skip
    n0, n1 = drawn.counts(drawing.points)
    st.caption(t("draw.count", n=len(drawing.points), n0=n0, n1=n1))
    row = st.container(horizontal=True)
    row.button(t("draw.clear"), key=state.DRAW_CLEAR, on_click=_clear, icon=":material/delete:",
               disabled=not drawing.points)  # fmt: skip
    row.button(t("draw.copy"), key=state.DRAW_COPY, on_click=_copy, icon=":material/content_copy:")
    if drawing.points:
        st.download_button(t("draw.csv"), drawn.to_csv(drawing.points), "drawing.csv", "text/csv",
                           icon=":material/download:")  # fmt: skip
    if len(drawing.points) > drawn.URL_MAX:
        st.caption(t("draw.no_link", n=len(drawing.points), max=drawn.URL_MAX))
    else:
        st.caption(t("draw.in_link", max=drawn.URL_MAX))
    with st.expander(t("draw.type")):
        c1, c2 = st.columns(2)
        lo, hi = -drawn.PLANE, drawn.PLANE
        c1.number_input("x₁", lo, hi, 0.0, drawn.CLICK_STEP, key=state.DRAW_X)
        c2.number_input("x₂", lo, hi, 0.0, drawn.CLICK_STEP, key=state.DRAW_Y)
        mode = st.session_state.get(state.DRAW_MODE) or MODES[0]
        st.button(t(f"draw.apply.{mode}"), key=state.DRAW_APPLY, on_click=_typed)
