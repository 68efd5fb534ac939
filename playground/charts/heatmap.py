"""A regression run's picture: the predicted value over the plane as a diverging image, the train
and test points on top coloured by their target value on the same scale (the class boundary's
counterpart, `boundary.decision_boundary`, for a run with one linear output)."""

from __future__ import annotations

from typing import Any

import numpy as np

from playground.charts.boundary import plane_chart, round_to_span
from playground.charts.images import diverging_colors, grid_image, png_url
from playground.charts.style import BACKGROUND, NEGATIVE, POSITIVE, Array, Labels, merged_labels
from playground.charts.vegalite import message_spec, n, q


def value_scale(result: Any) -> float:
    """The colour scale's half-width: the largest |target| (at least 1e-9), so 0 is white and
    the scale is the same for the map and the points."""
    y = np.concatenate([result.y_train, result.y_test]).astype(np.float64)
    return max(float(np.max(np.abs(y))) if y.size else 1.0, 1e-9)


def value_colors(values: Array, scale: float, strength: float = BACKGROUND) -> Array:
    """(n, 3) colours of predicted values (n,) or (n, 1): NEGATIVE at −scale, white at 0,
    POSITIVE at +scale (clipped beyond), lightened by `strength` so points stand out."""
    v = np.asarray(values, dtype=np.float64).reshape(-1)
    return diverging_colors(strength * np.clip(v / scale, -1.0, 1.0))


def value_png(values: Array, size: int, scale: float) -> str:
    """The grid's predicted values (size², 1), row-major in y, as a PNG data URL."""
    return png_url(grid_image(value_colors(values, scale), size))


def _predictions(result: Any, X: Array, index: int) -> Array:
    """Predicted values of X (n,): the final model, else the snapshot's nearest grid cell."""
    n_snap = len(result.snapshots)
    if index % n_snap == n_snap - 1 and result.status == "ok":
        with np.errstate(all="ignore"):
            return result.model.forward(result.scaler.transform(X))[:, 0]
    gx, gy = result.grid.x, result.grid.y
    j = np.clip(np.rint((X[:, 0] - gx[0]) / (gx[1] - gx[0])), 0, len(gx) - 1).astype(int)
    i = np.clip(np.rint((X[:, 1] - gy[0]) / (gy[1] - gy[0])), 0, len(gy) - 1).astype(int)
    return np.asarray(result.snapshots[index])[i * len(gx) + j, 0].astype(np.float64)


def value_points(result: Any, index: int, lab: dict, max_points: int) -> dict:
    """Columns x, y, target, predicted, set of the train then test points (a fixed random
    sample of `max_points` beyond that)."""
    X = np.concatenate([result.X_train, result.X_test])
    y = np.concatenate([result.y_train, result.y_test]).astype(np.float64)
    n_train = len(result.X_train)
    pred = np.nan_to_num(_predictions(result, X, index), nan=0.0, posinf=1e300, neginf=-1e300)
    sets = np.array([lab["train"], lab["test"]], dtype=object)[(np.arange(len(X)) >= n_train) * 1]
    keep = slice(None)
    if len(X) > max_points:
        keep = np.random.RandomState(0).choice(len(X), max_points, replace=False)
    return {
        "x": round_to_span(X[:, 0])[keep],
        "y": round_to_span(X[:, 1])[keep],
        "target": np.round(y, 4)[keep],
        "predicted": np.round(pred, 4)[keep],
        "set": sets[keep],
    }


def _points_layer(scale: float, lab: dict) -> dict:
    """Points filled with their target's colour (the map's scale, full strength), a grey rim so
    a target near 0 (white) still shows."""
    colour = {"domain": [-scale, 0.0, scale], "range": [NEGATIVE, "#ffffff", POSITIVE]}
    colour |= {"interpolate": "rgb"}  # as the image blends toward white (not hcl's cyan)
    return {
        "mark": {"type": "point", "filled": True, "opacity": 1, "size": 50},
        "encoding": {
            "fill": q(
                "target",
                scale=colour | {"clamp": True},
                title=lab["target_value"],
                legend={"gradientLength": 110},  # beside the set legend within a phone's 390 px
            ),
            "stroke": {"value": "#555555"},
            "strokeWidth": {"value": 0.6},
            "shape": n(
                "set",
                scale={"domain": [lab["train"], lab["test"]], "range": ["circle", "triangle-up"]},
                title=lab["set"],
            ),
            "tooltip": [
                q("target", title=lab["target_value"], format=".3f"),
                q("predicted", title=lab["predicted"], format=".3f"),
                n("set", title=lab["set"]),
                q("x", title=lab["x"]),
                q("y", title=lab["y"]),
            ],
            "x": q("x"),
            "y": q("y"),
        },
    }


def value_map(
    result: Any, snapshot_index: int = -1, labels: Labels = None, max_points: int = 3000
) -> dict:
    """The predicted value at one snapshot as an image (orange < 0 < blue, white at 0), train
    (●) and test (▲) points on top filled with their target on the same scale: a point whose
    colour differs from the background around it is predicted badly.

    Parameters
    ----------
    result : a `playground.experiment.RunResult` of a regression run (one linear output).
    snapshot_index : index into `result.snapshots` (epochs in `result.snapshot_epochs`).
    labels : keys x, y, set, train, test, target_value, predicted, boundary_title.
    max_points : the most points drawn (a fixed random sample beyond that).

    Returns
    -------
    dict : a Vega-Lite spec, image + points, 340 px high, legends below (a text chart if the
        run has no snapshot).
    """
    lab = merged_labels(labels)
    if len(result.snapshots) == 0:
        return message_spec(lab["no_data"])
    grid, scale = result.grid, value_scale(result)
    url = value_png(np.asarray(result.snapshots[snapshot_index]), len(grid.x), scale)
    points = value_points(result, snapshot_index, lab, max_points)
    return plane_chart(grid, url, points, _points_layer(scale, lab), lab, "horizontal")
