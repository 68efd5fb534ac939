"""Chart builders by what they draw: data in, Vega-Lite spec out (no streamlit).

The charts every knob change draws (decision boundary, loss and accuracy curves, gradient lines
and heatmap, activation histograms) and the network picture return plain Vega-Lite dicts,
written with `vegalite`'s helpers: the same specs Altair gave, in ~7 ms per run instead of ~300.
The others (scaler lens, compare, sweep, …) are Altair charts. Dicts go to `st.vega_lite_chart`,
Altair charts to `st.altair_chart`; the page's spec cache (app/chart_cache.py) takes either.

Every user-visible text comes from a `labels` mapping merged over `DEFAULT_LABELS`, so the app
can pass English or Korean; keys it does not pass fall back to the English defaults. Titles are
empty by default (the pages have their own headings); pass e.g. `{"loss_title": "..."}` to add one.

The decision boundary and the network's unit maps are small PNG images (`mark_image`), the
boundary with the data points layered on top: one image instead of thousands of rect marks keeps
the payload small.

Modules: `style` (palette, sizes, default texts), `vegalite` (spec dicts), `images` (PNG colour
grids), `boundary`, `curves`, `scaler` (① scaler lens), `gradients`, `activations`, `network`
(every unit's map placed as the network), `unit` (one unit large, its incoming weights), `compare`
(twin runs) and `sweep` (tuning curves, heatmap, boundary panels). The builders of `boundary` …
`network` are also here, as `charts.<builder>`; import `compare` and `sweep` as modules.
"""

from playground.charts.activations import activation_hist, hidden_activations
from playground.charts.boundary import (
    boundary_points,
    extent,
    image_layer,
    round_to_span,
)
from playground.charts.boundary import decision_boundary as class_boundary
from playground.charts.curves import accuracy_curves, loss_curves, significant, subsample_epochs
from playground.charts.gradients import (
    grad_columns,
    grad_heatmap,
    grad_norm_lines,
    gradient_ratio,
    layer_name,
)
from playground.charts.heatmap import value_colors, value_map, value_scale
from playground.charts.images import (
    boundary_png,
    diverging_colors,
    grid_image,
    hex_rgb,
    png_url,
    probability_colors,
)
from playground.charts.network import (
    NETWORK_LABELS,
    combined_weights,
    finite_range,
    incoming,
    network_picture,
    parse_uid,
    unit_ids,
    unit_titles,
    unit_values,
)
from playground.charts.scaler import scaler_lens, scaler_panels
from playground.charts.style import (
    BACKGROUND,
    DEFAULT_LABELS,
    FIT_WIDTH,
    FIXED_SIZE,
    HEIGHT,
    NEGATIVE,
    PALETTE,
    PHONE_WIDTH,
    POSITIVE,
    SPLIT_COLORS,
    TINY,
    VIRIDIS,
    Array,
    Labels,
    merged_labels,
    message,
)
from playground.charts.unit import incoming_chart, incoming_columns, unit_map


def decision_boundary(result, snapshot_index: int = -1, discretize: bool = False, **kw) -> dict:
    """The run's picture of the plane: a classification run's decision boundary
    (`boundary.decision_boundary`), a regression run's predicted-value map (`heatmap.value_map`,
    which has nothing to discretize)."""
    if result.model.output == "linear":
        return value_map(result, snapshot_index, kw.get("labels"), kw.get("max_points", 3000))
    return class_boundary(result, snapshot_index, discretize, **kw)


__all__ = [
    "Array",
    "BACKGROUND",
    "DEFAULT_LABELS",
    "FIT_WIDTH",
    "FIXED_SIZE",
    "HEIGHT",
    "Labels",
    "NEGATIVE",
    "PALETTE",
    "PHONE_WIDTH",
    "POSITIVE",
    "SPLIT_COLORS",
    "TINY",
    "VIRIDIS",
    "merged_labels",
    "message",
    "boundary_png",
    "diverging_colors",
    "grid_image",
    "hex_rgb",
    "png_url",
    "probability_colors",
    "boundary_points",
    "decision_boundary",
    "class_boundary",
    "value_colors",
    "value_map",
    "value_scale",
    "extent",
    "image_layer",
    "round_to_span",
    "accuracy_curves",
    "loss_curves",
    "significant",
    "subsample_epochs",
    "scaler_lens",
    "scaler_panels",
    "grad_columns",
    "grad_heatmap",
    "grad_norm_lines",
    "gradient_ratio",
    "layer_name",
    "activation_hist",
    "hidden_activations",
    "NETWORK_LABELS",
    "combined_weights",
    "finite_range",
    "incoming",
    "incoming_chart",
    "incoming_columns",
    "network_picture",
    "parse_uid",
    "unit_ids",
    "unit_map",
    "unit_titles",
    "unit_values",
]
