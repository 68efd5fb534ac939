"""English diagnosis messages (playground/diagnosis.py finding codes)."""

MESSAGES = {
    "diag.title": "Diagnosis",
    "diag.diverged": "Training diverged at epoch {epoch}: the loss {what}. The learning rate "
    "({lr}) is probably too high for {optimizer}{scale}. Try one 10× smaller. The charts show the "
    "history up to that point.",
    "diag.what.nan": "became NaN (not a number)",
    "diag.what.inf": "became infinite",
    "diag.what.exploded": "exploded to over 100× its starting value",
    "diag.scale": ", or the initial weights are too large (×{s})",
    "diag.vanishing": "Vanishing gradient: at the start, layer 1's gradient is {ratio} of the "
    "last layer's, so the first layers barely learn. Try ReLU, He or Glorot initialization, or "
    "fewer layers.",
    "diag.exploding": "Exploding gradient: at the start, layer 1's gradient is {ratio}× the last "
    "layer's. Try smaller initial weights (scale 1, Glorot/He) or a smaller learning rate.",
    "diag.saturated": "Saturated units: {share} of layer {layer}'s outputs sit in the flat tails "
    "of the activation, where its slope is nearly 0. Try a standard scaler, smaller weights, or "
    "ReLU.",
    "diag.dead": "Dead ReLUs: {share} of layer {layer}'s units output 0 for every sample and no "
    "longer learn. Try a smaller learning rate, Leaky ReLU or ELU.",
    "diag.overfitting": "Overfitting: the test loss was lowest at epoch {best} and has risen "
    "since, while the training loss kept falling. Try fewer nodes, L2, or more data.",
    "diag.underfitting": "Underfitting: even the training accuracy is only {acc}. Try more nodes "
    "or layers, more epochs, or a larger learning rate.",
    "diag.normalizer": "The Normalizer scales every point (row) to length 1, so the distance "
    "from the origin is lost: the training accuracy is only {acc}. On data like the circles, "
    "that distance is the whole signal. This is a lesson, not a bug: try StandardScaler.",
    "diag.start_nan": "The loss is not a finite number even before training: the inputs are too "
    "large (up to {max}) for the network's arithmetic. Try StandardScaler or MinMaxScaler.",
    "diag.symmetry": "Symmetry: every unit of a hidden layer has the same weights, so they all compute the same thing and get the same update (zero initialization does this); the layer acts like a single unit. Use a random initializer such as Glorot or He.",
    "diag.healthy": "No gradient problem found: the gradients flow through every layer. Test accuracy: {acc}.",
}
