"""English texts of the sidebar's feature inputs (①), L1 regularization and the width of each
hidden layer, with the weights picture and the Learn note on features. Keys match ko/inputs.py."""

MESSAGES = {
    "features": "Feature inputs",
    "features.help": "What the network gets from each point (x₁, x₂): the coordinates themselves, "
    "their squares, their product, their sines. Computed before the scaler; the decision "
    "boundary is still drawn over (x₁, x₂).",
    "features.none": "No feature is on: the network uses {default}.",
    "allowed.features": "it must be one or more of {values}",
    "scaler.one_input": "The scaler lens draws two inputs against each other; this network has "
    "one feature input. Turn on a second one under ① to see the scaler at work.",
    "layer_width": "Layer {k}",
    "layer_width.default": "the width of layer 1",
    "layer_widths": "Nodes in layers 2, 3, …; empty = as layer 1 ({first}).",
    # Learn: ① feature inputs
    "learn.features.title": "Feature inputs: the input is part of tuning",
    "learn.features.text": "Preprocessing is not only scaling. What you feed the network is a "
    "choice too: besides the coordinates x₁, x₂ it can get x₁², x₂², x₁x₂, sin x₁ or sin x₂ "
    "(the playground's **Feature inputs**, under ①). They are computed from each point before "
    "the scaler, and the network's input layer grows with them. A good feature can replace "
    "hidden layers: two rings cannot be split by a straight line in (x₁, x₂), but in (x₁², x₂²) "
    "the inner ring lies near the origin and a straight line does it.",
    "learn.features.from": "Test accuracy from {inputs}",
    "learn.features.caption": "Circles, no hidden layer (a single neuron), 60 epochs: the same "
    "network, only the inputs differ.",
    # Learn: L1 and L2 regularization
    "learn.reg.text": "Regularization adds a penalty on the weights to the cost, so the network "
    "prefers small weights and overfits less. **L2** adds ½·λ·Σw²: its gradient λ·w is "
    "proportional to the weight, so every weight shrinks a little, and none reaches zero. **L1** "
    "adds λ·Σ|w|: its (sub)gradient λ·sign(w) has the same size for every weight, so a weight "
    "that helps little is pushed all the way to zero. The result is a sparse network: many "
    "connections switched off. Both penalize the weights only, not the biases.",
    "learn.reg.none": "no penalty",
    "learn.reg.l2": "L2 (λ = {strength})",
    "learn.reg.l1": "L1 (λ = {strength})",
    "learn.reg.chart.x": "weight, largest first",
    "learn.reg.chart.y": "|w| (log scale)",
    "learn.reg.chart.run": "penalty",
    "learn.reg.chart.near_zero": "near zero: |w| < {tol}",
    "learn.reg.count": "{run}: weights near 0",
    "learn.reg.accuracy": "test accuracy {accuracy}",
    "learn.reg.caption": "The playground's default network on moons, 200 epochs, trained three "
    "times from the same start: without a penalty, with L2 and with L1 at the same λ = "
    "{strength}. A weight counts as near zero when |w| < {tol}.",
    "l1": "L1 regularization",
    "l1.help": "Adds λ·Σ|W| to the loss (weights only). Pushes weights to exactly zero: a "
    "sparser network.",
}
