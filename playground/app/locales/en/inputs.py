"""English texts of the sidebar's feature inputs (①), L1 regularization and the width of each
hidden layer, with the weights picture and the Learn note on features. Keys match ko/inputs.py."""

MESSAGES = {
    "features": "Feature inputs",
    "features.help": "What the network gets from each point (x₁, x₂): the coordinates themselves, "
    "their squares, their product, their sines. Computed before the scaler; the decision "
    "boundary is still drawn over (x₁, x₂).",
    "features.none": "No feature is on: the network uses {default}.",
    "allowed.features": "it must be one or more of {values}",
    "layer_width": "Layer {k}",
    "layer_width.default": "the width of layer 1",
    "layer_widths": "Nodes in layers 2, 3, …; empty = as layer 1 ({first}).",
    "l1": "L1 regularization",
    "l1.help": "Adds λ·Σ|W| to the loss (weights only). Pushes weights to exactly zero: a "
    "sparser network.",
}
