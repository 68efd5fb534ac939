"""Pinned setups: a session's list of named RunConfigs that the compare page shows side by side.
The playground and the compare page both pin (a Pin button); only the compare page shows them."""

from __future__ import annotations

import streamlit as st

from playground.app import room, state
from playground.app.i18n import CATALOGUES, t
from playground.app.safe import md
from playground.config import RunConfig

MAX_PINS = 8  # per session: bounded memory on a shared host
MAX_SHOWN = 4  # runs compared at once
CURRENT = "\x1fcurrent"  # the current setup in the run picker: a name no pin can have


def label(name: str) -> str:
    """What the page calls a run: the pin's name, or "current setup" in the page's language."""
    return t("cmp.current") if name == CURRENT else name


def pins() -> list[dict]:
    """This session's pinned setups: [{"name": str, "config": RunConfig}, …]."""
    return st.session_state.setdefault(state.PINS, [])


def pin(config: RunConfig) -> None:
    """Pin `config` under the next free letter (A, B, C, …); a callback for Pin buttons."""
    items = pins()
    if room.read_only():
        st.session_state[state.PIN_MESSAGE] = t("room.closed_note")
        return
    if len(items) >= MAX_PINS:
        st.session_state[state.PIN_MESSAGE] = t("cmp.full", n=MAX_PINS)
        return
    used = {p["name"] for p in items}
    name = next(c for c in "ABCDEFGHIJ" if c not in used)
    items.append({"name": name, "config": config})
    room.save_pins(items)  # in a workshop room, kept there
    st.session_state[state.PIN_MESSAGE] = t("cmp.pinned", name=md(name))
    picked = st.session_state.get(state.CMP_RUNS)
    if picked is not None and len(picked) < MAX_SHOWN:  # compare it at once (pins, then current)
        rest = [n for n in picked if n != CURRENT]
        st.session_state[state.CMP_RUNS] = [*rest, name] + ([CURRENT] if CURRENT in picked else [])


def pin_button(config: RunConfig, where=st) -> None:
    """The Pin button (in `where`, a container) and, once, the message of the last pin."""
    closed = room.read_only()  # a closed room keeps its pins as they are
    where.button(
        t("cmp.pin"),
        icon=":material/push_pin:",
        on_click=pin,
        args=(config,),
        key=state.PIN_BUTTON,
        disabled=closed,
        help=t("room.closed_note") if closed else None,
    )
    if msg := st.session_state.pop(state.PIN_MESSAGE, None):
        st.toast(msg)


def move(i: int, step: int) -> None:
    items = pins()
    j = i + step
    if 0 <= j < len(items):
        items[i], items[j] = items[j], items[i]
        room.save_pins(items)


def delete(i: int) -> None:
    pins().pop(i)
    room.save_pins(pins())


def rename(i: int) -> None:
    """A pin's new name; refused when another pin or the current setup is called so (the
    tables and charts name their runs, so two runs may not share a name)."""
    name = st.session_state.get(state.pin_name(i), "").strip()
    taken = {p["name"] for j, p in enumerate(pins()) if j != i}
    taken |= {cat["cmp.current"] for cat in CATALOGUES.values()}
    if name in taken:
        st.session_state[state.PIN_MESSAGE] = t("cmp.name_taken", name=md(name))
        st.session_state[state.pin_name(i)] = pins()[i]["name"]
    elif name:
        pins()[i]["name"] = name
        room.save_pins(pins())
