"""English messages of the backprop page."""

MESSAGES = {
    "bp.nav": "Back-propagation",
    "bp.title": "Back-propagation, step by step",
    "bp.intro": "A tiny network (2 inputs, one hidden layer, 1 sigmoid output) learns from one or "
    "a few samples. Each click shows one of the four steps of back-propagation with the actual "
    "numbers; after step 4 the next iteration starts from the updated weights.",
    "bp.activation": "Hidden activation",
    "bp.hidden": "Hidden nodes",
    "bp.loss": "Cost function",
    "bp.lr": "Learning rate η",
    "bp.seed": "Seed (initial weights)",
    "bp.samples": "Training samples (x₁, x₂) → y",
    "bp.samples.help": "The four XOR points. With several samples the loss is their mean, and "
    "each gradient is the sum of the samples' contributions.",
    "bp.pick": "Choose at least one sample.",
    "bp.shown": "Sample shown in the diagram and the formulas",
    "bp.back": "Back",
    "bp.next": "Next step",
    "bp.reset": "Reset",
    "bp.iteration": "Iteration {k}",
    "bp.step.0": "1 Forward pass (prediction)",
    "bp.step.1": "2 Error",
    "bp.step.2": "3 Backward pass (each node's share)",
    "bp.step.3": "4 Weight update",
    "bp.explain.0": "Each layer, each node computes its output from the layer before: the weighted "
    "sum z of its inputs plus its bias, then the activation h = f(z). The output node's sigmoid "
    "gives the prediction ŷ.",
    "bp.explain.1": "Compare the prediction ŷ with the true value y: the difference ŷ − y, and "
    "the cost function's value L (averaged over the samples).",
    "bp.explain.2": "Going backward, the chain rule finds how much each node contributed to the "
    "error: δ = ∂L/∂z. The output's δ is sent back along each weight v, then multiplied by the "
    "activation's slope f′(z). A node's share is its part of the layer's total |δ| (over all chosen samples). Each weight's "
    "gradient is the δ of the node it enters times the input it carries.",
    "bp.explain.3": "Gradient descent moves every weight and bias against its gradient, by η "
    "times the gradient: w ← w − η ∂L/∂w. With a small enough η the error on the same samples is "
    "now lower; too large a step overshoots the minimum and can raise it.",
    "bp.diagram": "Network",
    "bp.formulas": "Formulas with the numbers",
    "bp.table": "The numbers",
    "bp.sample": "Sample",
    "bp.node": "Node",
    "bp.parameter": "Parameter",
    "bp.value": "Value",
    "bp.old": "Before",
    "bp.gradient": "Gradient ∂L/∂·",
    "bp.new": "After",
    "bp.term": "Loss of the sample ℓ",
    "bp.share": "share",
    "bp.shares": "Each hidden node's share of the error (all chosen samples): {shares}.",
    "bp.loss_change": "Loss on these samples: {before} → {after}.",
    "bp.loss_rose": "Loss on these samples: {before} → {after}. The loss rose: the step overshot "
    "the minimum; try a smaller learning rate η.",
    "bp.weights_note": "Edge labels: the weights (w: input → hidden, v: hidden → output).",
    "bp.grads_note": "Edge labels: the gradients ∂L/∂w, summed over the samples.",
    "bp.update_note": "Edge labels: old weight → new weight.",
    "bp.general": "In general:",
}
