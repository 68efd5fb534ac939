"""English descriptions of the registry entries (playground/nn): one line each, shown on the Learn
page and in the labs. Keys are the entries' `facts.text_key`: <family>.<name>.about."""

MESSAGES = {
    # activations (playground/nn/activations.py)
    "activation.linear.about": "No non-linearity: the output is z itself. Layers of linear "
    "units together are still one linear function.",
    "activation.sigmoid.about": "Squashes z into (0, 1). Its slope is at most 0.25 and almost 0 "
    "for large |z|: the unit saturates, and in deep stacks the gradient vanishes.",
    "activation.tanh.about": "Squashes z into (−1, 1), centred at 0, slope at most 1; like the "
    "sigmoid it saturates for large |z|.",
    "activation.relu.about": "Keeps positive z and cuts negative z to 0: slope 1 or 0, cheap, no "
    "saturation for z > 0. A unit whose inputs are all negative passes no gradient: it dies.",
    "activation.leaky_relu.about": "ReLU with a small slope for negative z, so a unit can always "
    "recover: none dies.",
    "activation.elu.about": "z for positive z, a smooth curve toward −α for negative z: no dead "
    "units, and outputs whose mean is nearer 0 than ReLU's.",
    "activation.maxout.about": "The larger of two linear pieces per unit: each unit learns its "
    "own piece-wise linear activation, at twice the weights.",
    "activation.selu.about": "ELU scaled by λ ≈ 1.05 with α ≈ 1.67: constants chosen so that "
    "activations keep mean 0 and variance 1 through many layers (self-normalizing).",
    "activation.gelu.about": "z weighted by the chance that a standard normal value lies below z "
    "(here its tanh approximation): a smooth ReLU, common in transformers.",
    "activation.swish.about": "z · σ(z), also called SiLU: smooth, slightly negative for small "
    "negative z, close to ReLU for large |z|.",
    "activation.softplus.about": "log(1 + eᶻ): a smooth ReLU whose slope is the sigmoid, never "
    "exactly 0.",
    # initializers (playground/nn/initializers.py)
    "initializer.zeros.about": "Every weight 0: all nodes of a layer compute the same and get the "
    "same gradient, so they stay identical forever (symmetry).",
    "initializer.random_normal.about": "A normal distribution with a fixed σ = 0.05, whatever the "
    "layer's size: fine for small layers, too small a signal in deep or wide networks.",
    "initializer.random_uniform.about": "A uniform distribution within a fixed ±0.05, whatever "
    "the layer's size.",
    "initializer.glorot_normal.about": "Glorot (Xavier): a normal distribution whose σ shrinks "
    "with the layer's inputs and outputs, keeping the signal's variance in both directions; "
    "suits tanh and sigmoid.",
    "initializer.glorot_uniform.about": "Glorot (Xavier) as a uniform distribution with the same "
    "variance; Keras' default.",
    "initializer.he_normal.about": "He: a normal distribution scaled to the layer's inputs only, "
    "twice Glorot's variance for a square layer, because ReLU zeroes half of its inputs.",
    "initializer.he_uniform.about": "He as a uniform distribution with the same variance; suits "
    "ReLU and its relatives.",
    "initializer.lecun_normal.about": "LeCun: a normal distribution with variance 1/n_in; the "
    "partner of SELU.",
    "initializer.lecun_uniform.about": "LeCun as a uniform distribution with the same variance.",
}
