"""The drawing plane: the drawn points, and an invisible grid that turns a click into a place.

Vega-Lite selections report data, not pixels, so the plane carries a 61 × 61 grid of invisible
points 0.1 apart (made in the browser by a `sequence` transform: no rows to send) with a point
selection `nearest: true`: a click anywhere selects the grid point nearest to it, and Streamlit
returns its (gx, gy). The grid is the top layer, so a click on a drawn point reaches it too.
"""

from __future__ import annotations

from collections.abc import Sequence

from playground import drawn
from playground.charts.style import PALETTE, Labels, merged_labels

SIZE = 264  # px, the plot's side: with its axes it fits a phone (358 px, less a border)
SELECTION = "plane"  # the selection's name: event.selection.plane = [{"gx": …, "gy": …}]


def _axis(field: str, title: str) -> dict:
    return {
        "field": field,
        "type": "quantitative",
        "title": title,
        "scale": {"domain": [-drawn.PLANE, drawn.PLANE], "nice": False, "zero": False},
    }


def _grid_layer(lab: dict) -> dict:
    """Invisible points every CLICK_STEP over the plane, with the click selection."""
    n = int(round(2 * drawn.PLANE / drawn.CLICK_STEP))  # 60 steps: 61 points a row
    half = n // 2
    return {
        "data": {"sequence": {"start": 0, "stop": n + 1, "as": "i"}},
        "transform": [
            {"calculate": f"sequence(0, {n + 1})", "as": "j"},
            {"flatten": ["j"]},
            {"calculate": f"(datum.i - {half}) * {drawn.CLICK_STEP}", "as": "gx"},
            {"calculate": f"(datum.j - {half}) * {drawn.CLICK_STEP}", "as": "gy"},
        ],
        "params": [
            {
                "name": SELECTION,
                "select": {
                    "type": "point",
                    "fields": ["gx", "gy"],
                    "nearest": True,
                    "on": "click",
                    "clear": False,
                    "toggle": False,
                },
            }
        ],
        "mark": {"type": "point", "opacity": 0, "size": 4},
        "encoding": {"x": _axis("gx", lab["x"]), "y": _axis("gy", lab["y"])},
    }


def _points_layer(points: drawn.Points, lab: dict, palette: Sequence[str]) -> dict:
    """The drawn points, coloured by class as in the boundary chart."""
    rows = [{"gx": x, "gy": y, "class": drawn.CLASS_NAMES[c]} for x, y, c in points]
    return {
        "data": {"values": rows},
        "mark": {
            "type": "circle",
            "size": 90,
            "opacity": 0.95,
            "stroke": "white",
            "strokeWidth": 1,
        },  # fmt: skip
        "encoding": {
            "x": _axis("gx", lab["x"]),
            "y": _axis("gy", lab["y"]),
            "color": {
                "field": "class",
                "type": "nominal",
                "title": lab["class"],
                "scale": {"domain": list(drawn.CLASS_NAMES), "range": list(palette[:2])},
                "legend": {"orient": "bottom", "direction": "horizontal"},
            },
        },
    }


def plane(points: drawn.Points, labels: Labels = None, palette: Sequence[str] = PALETTE) -> dict:
    """The drawing plane as a Vega-Lite spec: the points under a clickable invisible grid.

    Parameters
    ----------
    points : the drawing, ((x1, x2, class), …) on [-PLANE, PLANE]².
    labels : texts (keys x, y, class); palette: class colours.

    Returns
    -------
    dict : a SIZE × SIZE plot with the selection `SELECTION`.
    """
    lab = merged_labels(labels)
    return {
        "layer": [_points_layer(points, lab, palette), _grid_layer(lab)],
        "width": SIZE,  # square: a unit is as long on both axes
        "height": SIZE,
        "autosize": {"type": "pad"},  # style.FIXED_SIZE
    }


def clicked(event) -> tuple[float, float] | None:
    """The grid point a click selected, from `st.vega_lite_chart`'s event (None if none)."""
    picked = (getattr(event, "selection", None) or {}).get(SELECTION) or []
    first = picked[0] if isinstance(picked, list) and picked else None
    if not isinstance(first, dict):
        return None
    try:
        return float(first["gx"]), float(first["gy"])
    except (KeyError, TypeError, ValueError):
        return None
