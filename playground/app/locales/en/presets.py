"""English titles and what-to-look-for texts of the newer teaching presets (playground/presets.py);
the older ones are in learn.py. Keys: learn.preset.<key> and learn.preset.<key>.about."""

MESSAGES = {
    "learn.preset.vanishing_sgd": "Deep sigmoid under plain SGD",
    "learn.preset.vanishing_sgd.about": "Five sigmoid layers of 8 nodes, SGD: on the way back "
    "each layer multiplies δ by σ′(z) ≤ 0.25, so layer 1 gets about a thousandth of the output's "
    "error signal. The loss stays at ln 2 ≈ 0.69 and the accuracy at chance.",
    "learn.preset.vanishing_adam": "The same deep sigmoid under Adam",
    "learn.preset.vanishing_adam.about": "The gradient vanishes just the same, but Adam divides "
    "each parameter's step by the size of its recent gradients: the adaptive step size "
    "compensates, and the network learns the moons.",
}
