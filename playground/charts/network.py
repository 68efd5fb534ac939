"""The network as TensorFlow Playground draws it: every unit as a small map of its output over the
plane (inputs left, one column per hidden layer, the output right), lines for the weights (blue
w ≥ 0, orange w < 0, width ∝ |w| per layer). `unit` draws one unit large.

Plain Vega-Lite dicts (`vegalite`). The picture has a point selection `unit` on the unit images
(field `uid`, e.g. "1:3" = hidden layer 1, unit 4; column 0 is the inputs, the last the output).
"""

from __future__ import annotations

from typing import Any
from unicodedata import east_asian_width

import numpy as np

from playground import features
from playground.charts.activations import hidden_activations
from playground.charts.images import diverging_colors, grid_image, png_url, shade_colors
from playground.charts.style import NEGATIVE, PALETTE, POSITIVE, Array, Labels, merged_labels
from playground.charts.vegalite import VIEW, n, q, table, top_level

MAX_DRAWN = 16  # units drawn per column; wider layers draw their first 16 and say "+N"
PITCH = 60  # px per unit row up to 8 units a column (48 px images); wider: 480 px / units
TOP = 40  # px above the first row: the column titles (two lines)
GRID_STEP = 2  # the small maps use every 2nd point of the run's grid (60 → 30 px)


NETWORK_LABELS: dict[str, str] = {  # besides style.DEFAULT_LABELS
    "unit_name": "unit",
    "lowest": "lowest output",
    "highest": "highest output",
    "weight": "weight",
    "bias": "bias",
    "source": "from",
    "target": "to",
    "input_unit": "input: {name}",  # the unit picker's names
    "hidden_unit": "hidden layer {l}, unit {j}",
    "output_unit": "output: {name}",
}


def network_labels(labels: Labels) -> dict[str, str]:
    """DEFAULT_LABELS and NETWORK_LABELS, updated with the caller's texts."""
    return merged_labels({**NETWORK_LABELS, **(labels or {})})


def combined_weights(model: Any) -> list[Array]:
    """One (fan_in, fan_out) matrix per layer. Maxout layers have `pieces` columns per unit;
    of each unit's pieces we keep, per input, the weight with the largest |w| (signed)."""
    out, pieces = [], getattr(model.act, "pieces", 1)
    for l, W in enumerate(model.params[0::2]):
        W = np.nan_to_num(np.asarray(W, dtype=np.float64))
        if pieces > 1 and l < model.n_layers - 1:
            Wk = W.reshape(W.shape[0], -1, pieces)
            pick = np.abs(Wk).argmax(axis=2)[..., None]
            W = np.take_along_axis(Wk, pick, axis=2)[..., 0]
        out.append(W)
    return out


def incoming(model: Any, column: int, unit: int) -> tuple[Array, Array]:
    """Unit `unit` of column `column` (≥ 1): its weights (fan_in, pieces) and biases (pieces,),
    columns of `model.params` as they are (maxout: one column per piece, else one)."""
    W, b = model.params[2 * (column - 1)], model.params[2 * column - 1]
    k = getattr(model.act, "pieces", 1) if column < model.n_layers else 1
    cols = slice(unit * k, (unit + 1) * k)
    return np.asarray(W[:, cols], dtype=np.float64), np.asarray(b[cols], dtype=np.float64)


def grid_points(result: Any, step: int = 1) -> tuple[Array, Array, Array]:
    """(x, y, points): every `step`-th grid value per axis and the points, row-major in y."""
    gx, gy = result.grid.x[::step], result.grid.y[::step]
    xx, yy = np.meshgrid(gx, gy)
    return gx, gy, np.column_stack([xx.ravel(), yy.ravel()])


def unit_values(result: Any, step: int = GRID_STEP) -> list[Array]:
    """Every column's outputs over the plane: [inputs (m, d) as the network sees them (features,
    then the scaler), each hidden layer (m, units), the output (m, n_out) after its activation]
    on every `step`-th point of the run's grid (m = points, row-major in y)."""
    X = result.scaler.transform(grid_points(result, step)[2])
    with np.errstate(all="ignore"):
        out = result.model.forward(X)
    return [np.asarray(X, dtype=np.float64), *hidden_activations(result.model, X), out]


def finite_range(values: Array) -> tuple[float, float] | None:
    """(lowest, highest) of the finite values; None if there is none (a diverged run)."""
    v = np.asarray(values, dtype=np.float64)
    v = v[np.isfinite(v)]
    return (float(v.min()), float(v.max())) if v.size else None


def unit_colors(values: Array, column: int, n_columns: int, output: str) -> Array:
    """(m, units, 3) colours of a column's outputs (m, units). Inputs and hidden layers: white at
    0, blue at +M, orange at −M, M = the column's largest |output|. The output: sigmoid p as the
    boundary's colours (orange 0 ↔ white ½ ↔ blue 1), softmax p_k white → class k's colour,
    linear as a hidden layer."""
    v = np.nan_to_num(np.asarray(values, dtype=np.float64))
    if column == n_columns - 1 and output == "sigmoid":
        return diverging_colors((2 * v - 1).ravel()).reshape(*v.shape, 3)
    if column == n_columns - 1 and output == "softmax":
        return np.stack([shade_colors(v[:, k], PALETTE[k]) for k in range(v.shape[1])], axis=1)
    top = float(np.abs(v).max()) if v.size else 0.0
    return diverging_colors((v / top if top > 0 else v).ravel()).reshape(*v.shape, 3)


def unit_names(result: Any, labels: Labels = None) -> list[list[str]]:
    """Each column's unit names: the inputs' (x₁², … or the data set's), L{l}·u{j}, output(s)."""
    lab, sizes = merged_labels(labels), result.model.sizes
    chosen = getattr(result.scaler, "features", None)
    if chosen:
        inputs = [features.LABELS[f] for f in chosen]
    elif sizes[0] == 2:
        inputs = [lab["x"], lab["y"]]
    else:
        inputs = [lab["input_node"].format(i=i + 1) for i in range(sizes[0])]
    hidden = [[lab["unit"].format(l=l, j=j + 1) for j in range(s)] for l, s in
              enumerate(sizes[1:-1], start=1)]  # fmt: skip
    classes = list(result.class_names) if result.model.output == "softmax" else []
    outputs = classes[: sizes[-1]] or [lab["output"]] * sizes[-1]
    return [inputs, *hidden, outputs]


def unit_ids(sizes: list[int]) -> list[str]:
    """Every unit's uid "column:unit", inputs first, the output last."""
    return [f"{c}:{j}" for c, s in enumerate(sizes) for j in range(s)]


def unit_titles(result: Any, labels: Labels = None) -> list[str]:
    """Every unit's name for the picker, in `unit_ids` order."""
    lab, last = network_labels(labels), len(result.model.sizes) - 1
    out = []
    for c, names in enumerate(unit_names(result, lab)):
        for j, name in enumerate(names):
            if c == 0:
                out.append(lab["input_unit"].format(name=name))
            elif c == last:
                out.append(lab["output_unit"].format(name=name))
            else:
                out.append(lab["hidden_unit"].format(l=c, j=j + 1))
    return out


def column_title(column: int, n_columns: int, lab: dict) -> str:
    if column == 0:
        return lab["input"]
    return lab["output"] if column == n_columns - 1 else lab["hidden_n"].format(n=column)


# ---- the picture -------------------------------------------------------------------------


def layout(sizes: list[int]) -> tuple[float, float, list[Array]]:
    """(pitch, height, y per drawn unit of each column): columns centred vertically."""
    drawn = [min(s, MAX_DRAWN) for s in sizes]
    tallest = max(drawn)
    pitch = PITCH if tallest <= 8 else 8 * PITCH / tallest
    ys = [TOP + (np.arange(d) + 0.5 + (tallest - d) / 2) * pitch for d in drawn]
    return pitch, TOP + tallest * pitch + 14, ys


def _units_table(result: Any, names: list[list[str]], ys: list[Array], step: int) -> tuple:
    values, sizes = unit_values(result, step), result.model.sizes
    side = len(result.grid.x[::step])
    cols: dict[str, list] = {k: [] for k in ("uid", "x", "y", "url", "name", "low", "high")}
    for c, (v, y) in enumerate(zip(values, ys, strict=True)):
        rgb = unit_colors(v, c, len(sizes), result.model.output)
        for j, yj in enumerate(y):
            cols["uid"].append(f"{c}:{j}")
            cols["x"].append(c)
            cols["y"].append(float(yj))
            cols["url"].append(png_url(grid_image(rgb[:, j], side)))
            cols["name"].append(names[c][j])
            low, high = finite_range(v[:, j]) or (None, None)  # None: shown as "null"
            cols["low"].append(low)
            cols["high"].append(high)
    return table(cols)


def edge_columns(weights: list[Array], ys: list[Array], names: list[list[str]]) -> dict:
    """One row per drawn weight: x, y (source), x2, y2 (target), w, color (blue w ≥ 0, orange
    w < 0), px (stroke width 0.5–5 ∝ |w| / the layer's max |w|), uid (the target's), src (the
    source's uid), from and to (their names)."""
    keys = ("x", "y", "x2", "y2", "w", "px", "uid", "src", "from", "to")
    parts: dict[str, list] = {k: [] for k in keys}
    for l, W in enumerate(weights):
        W = W[: len(ys[l]), : len(ys[l + 1])]
        top = float(np.abs(W).max()) if W.size else 0.0
        i, j = (a.ravel() for a in np.indices(W.shape))
        w = W[i, j]
        parts["x"].append(np.full(w.size, l))
        parts["y"].append(ys[l][i])
        parts["x2"].append(np.full(w.size, l + 1))
        parts["y2"].append(ys[l + 1][j])
        parts["w"].append(w)
        parts["px"].append(0.5 + 4.5 * np.abs(w) / (top or 1.0))
        parts["uid"].append(np.array([f"{l + 1}:{k}" for k in j], dtype=object))
        parts["src"].append(np.array([f"{l}:{k}" for k in i], dtype=object))
        parts["from"].append(np.asarray(names[l], dtype=object)[i])
        parts["to"].append(np.asarray(names[l + 1], dtype=object)[j])
    cols = {k: np.concatenate(v) if v else np.array([]) for k, v in parts.items()}
    colors = np.array([NEGATIVE, POSITIVE], dtype=object)
    cols["color"] = colors[(cols["w"] >= 0).astype(int)] if cols["w"].size else cols["w"]
    return cols


def _titles_table(sizes: list[int], ys: list[Array], height: float, lab: dict) -> tuple:
    c = len(sizes)
    rows = {"x": list(range(c)), "y": [TOP - 8] * c, "text": []}
    for col, s in enumerate(sizes):  # a hidden layer's width under its title
        rows["text"].append(column_title(col, c, lab) + (f"\n({s})" if 0 < col < c - 1 else ""))
    for col, s in enumerate(sizes):
        if s > len(ys[col]):
            rows["x"].append(col)
            rows["y"].append(height)
            rows["text"].append(f"+{s - len(ys[col])}")
    return table(rows)


def _label_px(names: list[str]) -> int:
    """Room in px for the longest of `names` beside a column's maps (11 px type, ≈ 6.5 px a
    character, twice that for a wide one such as Hangul), minus what the column already has."""
    chars = [sum(2 if east_asian_width(ch) in "WF" else 1 for ch in name) for name in names]
    return max(5, round(6.5 * max(chars, default=0)) - 10)


def _size_params(pitch: float, n_columns: int) -> list[dict]:
    """s: the image size in px, ≤ 80 % of the row pitch and ≤ 62 % of a column's width."""
    expr = f"max(10, min({0.8 * pitch:.1f}, width / {n_columns} * 0.62))"
    return [{"name": "s", "expr": expr}]


def _layers(n_columns: int, height: float, lab: dict) -> list[dict]:
    plain = {"nice": False, "zero": False}
    x = q("x", axis=None, scale={"domain": [-0.5, n_columns - 0.5], **plain})
    y = q("y", axis=None, scale={"domain": [0, height], "reverse": True, **plain})
    pos = {"x": x, "y": y}
    tip = [
        n("name", title=lab["unit_name"]),
        q("low", format=".3g", title=lab["lowest"]),
        q("high", format=".3g", title=lab["highest"]),
    ]
    pick = {"name": "unit", "select": {"type": "point", "fields": ["uid"]}}
    frame = {"param": "unit", "empty": False}
    return [
        {  # the weights
            "mark": {"type": "rule", "strokeCap": "round"},
            "encoding": {
                **pos,
                "x2": {"field": "x2"},
                "y2": {"field": "y2"},
                "stroke": {"field": "color", "type": "nominal", "scale": None},
                "strokeWidth": {"field": "px", "type": "quantitative", "scale": None},
                "opacity": {"condition": {"param": "unit", "value": 0.8}, "value": 0.12},
                "tooltip": [
                    n("from", title=lab["source"]),
                    n("to", title=lab["target"]),
                    q("w", format=".3f", title=lab["weight"]),
                ],
            },
        },
        {  # a frame behind each map; black and thick around the chosen one
            "mark": {"type": "square", "filled": False, "size": {"expr": "pow(s + 5, 2)"}},
            "encoding": {
                **pos,
                "stroke": {"condition": {**frame, "value": "#222222"}, "value": "#bbbbbb"},
                "strokeWidth": {"condition": {**frame, "value": 3}, "value": 1},
            },
        },
        {  # the maps
            "mark": {
                "type": "image",
                "aspect": False,
                "smooth": True,
                "cursor": "pointer",
                "align": "center",
                "baseline": "middle",
                "width": {"expr": "s"},
                "height": {"expr": "s"},
            },  # fmt: skip
            "encoding": {**pos, "url": n("url"), "tooltip": tip},
            "params": [pick],
        },
        {  # the inputs' names left of their maps
            "mark": {"type": "text", "fontSize": 11, "align": "right", "dx": {"expr": "-s/2 - 5"}},
            "encoding": {**pos, "text": n("name")},
            "transform": [{"filter": "datum.x == 0"}],
        },
        {  # the outputs' names (classes) right of theirs
            "mark": {"type": "text", "fontSize": 11, "align": "left", "dx": {"expr": "s/2 + 5"}},
            "encoding": {**pos, "text": n("name")},
            "transform": [{"filter": f"datum.x == {n_columns - 1}"}],
        },
        {  # column titles and "+N" under a column with more units than drawn; smaller type
            # when the columns are narrow (a phone), so that neighbouring titles do not touch
            "mark": {
                "type": "text",
                "fontWeight": "bold",
                "baseline": "bottom",
                "lineBreak": "\n",
                "fontSize": {"expr": f"max(7, min(12, width / {n_columns} / 7))"},
            },  # fmt: skip
            "encoding": {**pos, "text": n("text")},
        },
    ]


def network_picture(result: Any, labels: Labels = None, step: int = GRID_STEP) -> dict:
    """Every unit's output over the plane, placed as the network: inputs left, one column per
    hidden layer, the output right; a line per weight between drawn units.

    Maps: `unit_colors` (per column scale), every `step`-th point of the run's grid. Lines:
    `edge_columns`; maxout layers draw `combined_weights`. At most `MAX_DRAWN` units per column
    (the first ones; "+N" says how many more); up to 8 a column the maps are 48 px, more make them
    smaller (the picture stays 480 px high); narrow screens shrink them to fit the columns.

    Parameters
    ----------
    result : a `RunResult` (model, scaler, grid, class names).
    labels : keys x, y, input_node, input, hidden_n, output, unit, network_title.

    Returns
    -------
    dict : a layered Vega-Lite spec, width "container", with the point selection `unit`.
    """
    lab = network_labels(labels)
    sizes = list(result.model.sizes)
    pitch, height, ys = layout(sizes)
    names = unit_names(result, lab)
    units = _units_table(result, names, ys, step)
    edges = table(edge_columns(combined_weights(result.model), ys, names))
    titles = _titles_table(sizes, ys, height, lab)
    layers = _layers(len(sizes), float(height), lab)
    spec = {
        "params": _size_params(pitch, len(sizes)),
        "layer": layers,
        "autosize": {"contains": "padding", "type": "fit-x"},
        "padding": {
            "left": _label_px(names[0]),
            "right": _label_px(names[-1]),
            "top": 5,
            "bottom": 5,
        },  # fmt: skip
        "width": "container",
        "height": float(height),
        "title": lab.get("network_title", ""),
    }
    spec, refs = top_level(spec, edges, units, titles, view={**VIEW, "stroke": None})
    for layer, ref in zip(layers, [refs[0], *[refs[1]] * 4, refs[2]], strict=True):
        layer["data"] = ref
    return spec


def parse_uid(uid: str, sizes: list[int]) -> tuple[int, int] | None:
    """(column, unit) of "c:j" if the network has that unit, else None."""
    try:
        c, j = (int(p) for p in str(uid).split(":"))
    except ValueError:
        return None
    return (c, j) if 0 <= c < len(sizes) and 0 <= j < sizes[c] else None
