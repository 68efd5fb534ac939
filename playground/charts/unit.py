"""One unit of the network large: its output over the plane on the run's whole grid, and its
incoming weights and bias as bars (`network` draws every unit small)."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.charts.boundary import extent
from playground.charts.images import grid_image, png_url
from playground.charts.network import (
    incoming,
    network_labels,
    parse_uid,
    unit_colors,
    unit_names,
    unit_values,
)
from playground.charts.style import NEGATIVE, POSITIVE, Array, Labels
from playground.charts.vegalite import n, q, table, top_level


def unit_map(result: Any, uid: str, labels: Labels = None) -> dict:
    """One unit's output over the whole grid of the run, 260 px square, on the plane's axes.
    Scale as `unit_colors` with M = this unit's own largest |output|."""
    lab = network_labels(labels)
    c, j = parse_uid(uid, result.model.sizes)
    v = unit_values(result, step=1)[c][:, [j]]
    rgb = unit_colors(v, c, len(result.model.sizes), result.model.output)[:, 0]
    url = png_url(grid_image(rgb, len(result.grid.x)))
    x, y = extent(result.grid.x), extent(result.grid.y)
    plain = {"nice": False, "zero": False}
    spec = {
        "mark": {"type": "image", "aspect": False, "smooth": True},
        "encoding": {
            "url": n("url"),
            "x": q("x", scale={"domain": list(x), **plain}, title=lab["x"]),
            "x2": {"field": "x2"},
            "y": q("y", scale={"domain": list(y), **plain}, title=lab["y"]),
            "y2": {"field": "y2"},
        },
        "width": 260,
        "height": 260,
    }
    spec, (spec["data"],) = top_level(
        spec, table({"url": url, "x": x[0], "x2": x[1], "y": y[0], "y2": y[1]})
    )
    return spec


def incoming_columns(result: Any, uid: str, labels: Labels = None) -> dict[str, Array]:
    """The unit's incoming weights then its bias, one row each (per piece for maxout): source
    (name), piece (1…), w, color (blue w ≥ 0, orange w < 0, grey for the bias)."""
    lab = network_labels(labels)
    c, j = parse_uid(uid, result.model.sizes)
    W, b = incoming(result.model, c, j)
    sources = [*unit_names(result, lab)[c - 1], lab["bias"]]
    values = np.vstack([W, b[None, :]])  # (fan_in + 1, pieces)
    rows, pieces = values.shape
    colors = np.where(values >= 0, POSITIVE, NEGATIVE).astype(object)
    colors[-1, :] = "#888888"
    return {
        "source": np.repeat(np.array(sources, dtype=object), pieces),
        "piece": np.tile(np.arange(1, pieces + 1), rows),
        "w": values.ravel(),
        "color": colors.ravel(),
    }


def incoming_chart(result: Any, uid: str, labels: Labels = None) -> dict:
    """A horizontal bar per incoming weight and one for the bias, the value written beside it;
    maxout: one bar per piece (offset), each piece's own weights and bias."""
    lab = network_labels(labels)
    cols = incoming_columns(result, uid, lab)
    pieces = int(cols["piece"].max())
    order = list(dict.fromkeys(cols["source"].tolist()))
    band = (22 if len(order) <= 16 else 14) if pieces == 1 else 15
    enc = {
        "y": n("source", sort=order, title=None, axis={"labelLimit": 0, "labelOverlap": False}),
        "x": q("w", title=lab["weight"]),
        "tooltip": [n("source", title=lab["source"]), q("w", format=".4f", title=lab["weight"])],
    }
    if pieces > 1:
        enc["yOffset"] = n("piece")
        enc["tooltip"].append(n("piece"))
    bars = {"mark": "bar", "encoding": {**enc, "color": {"field": "color", "type": "nominal",
                                                        "scale": None}}}  # fmt: skip
    text = {
        "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
        "encoding": {**enc, "x": q("zero", title=lab["weight"]), "text": q("w", format=".3f")},
        "transform": [{"calculate": "max(datum.w, 0)", "as": "zero"}],
    }
    spec = {
        "layer": [bars, text],
        "width": 260,
        "height": {"step": band * pieces},
    }
    spec, (data,) = top_level(spec, table(cols))
    spec["data"] = data
    return spec
