"""The feature inputs in a generated script: each point P = (x₁, x₂) becomes the config's features
(the NumPy code of each `playground.features` entry), then the fitted scaler (from the .npz's
`scaler_*` arrays). The .npz holds the results (X_train, X_test); the script checks that its own
`inputs(P)` gives the same from the points (`P_train`), so it shows how to feed new points."""

from __future__ import annotations

from playground import features
from playground.codegen.common import comments
from playground.config import RunConfig

# The fitted scaler on the features A (n, d), as NumPy code over the .npz's arrays. A scaler
# missing here gets no `inputs` function: the script says so and uses the .npz's inputs as stored.
SCALE_CODE = {
    "none": ["return A"],
    "standard": ['return (A - run["scaler_mean_"]) / run["scaler_scale_"]'],
    "minmax": ['return A * run["scaler_scale_"] + run["scaler_min_"]'],
    "normalizer_l2": ["n = np.sqrt((A * A).sum(axis=1))"],
    "normalizer_l1": ["n = np.abs(A).sum(axis=1)"],
    "normalizer_max": ["n = np.abs(A).max(axis=1)"],
}
_PER_ROW = "return A / np.where(n == 0, 1.0, n)[:, None]  # each point (row) to length 1"


def _stack(names: list[features.Feature]) -> str:
    """`A = np.column_stack([...])` on one line if it fits in 100 columns, else one feature a line
    (as ruff formats it), each with its label."""
    one = f"    A = np.column_stack([{', '.join(f.code for f in names)}])\n"
    if len(one) <= 101:
        return one
    rows = "".join(f"            {f.code},  # {f.label}\n" for f in names)
    return f"    A = np.column_stack(\n        [\n{rows}        ]\n    )\n"


def inputs_block(c: RunConfig) -> str:
    """Script lines after `run = np.load(...)`: `inputs(P)` (features, then the scaler) and the
    check against the .npz; empty for the plain point (x₁, x₂)."""
    if c.features == features.DEFAULT:
        return ""
    names = [features.get(n) for n in c.features]
    labels = ", ".join(f.label for f in names)
    note = (
        f"① Feature inputs, as in the playground: P = (x₁, x₂) → {labels}, then the scaler "
        f"({c.scaler}). The .npz holds the results; inputs(P) computes them for any points."
    )
    code = SCALE_CODE.get(c.scaler)
    if code is None:
        return f"\n{comments([note, f'(No NumPy code for {c.scaler}: X_train as stored.)'])}"
    if code[0].startswith("n ="):
        code = [*code, _PER_ROW]
    body = "".join(f"    {line}\n" for line in code)
    return (
        f"\n\n\n{comments([note])}"
        f"def inputs(P):  # P: (n, 2) points in the data's own units -> (n, {len(names)})\n"
        f"{_stack(names)}{body}\n\n"
        'assert np.allclose(inputs(run["P_train"]), run["X_train"])  # the .npz inputs, from points'
    )
