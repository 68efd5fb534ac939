"""English descriptions of the registry entries (playground/nn), shown on the Learn page and in
the labs. Keys are the entries' `facts.text_key`."""

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
    # losses (playground/nn/losses.py)
    "loss.cross_entropy": "Compares the predicted class probabilities with the true class: −log "
    "of the probability given to the right class. Its gradient at the output is ŷ − y, so a "
    "confidently wrong output is corrected fast.",
    "loss.mse": "The mean squared difference between the predicted probabilities and the one-hot "
    "targets. On a sigmoid output its gradient carries σ′(z), so a saturated wrong output learns "
    "slowly.",
    "loss.hinge": "Wants the right class's logit to beat the others by a margin of 1; points "
    "beyond the margin cost nothing (the loss of support vector machines).",
    # optimizers (playground/nn/optimizers.py)
    "opt.sgd": "Plain (stochastic) gradient descent: each step moves every weight against its "
    "gradient, times the learning rate.",
    "opt.momentum": "Adds a velocity that accumulates past gradients (μ of the last step carries "
    "over): steps speed up along a steady direction, and swings across it cancel.",
    "opt.nesterov": "Momentum that looks ahead: the gradient is taken where the velocity is about "
    "to carry the weights, which damps overshooting.",
    "opt.adagrad": "Divides each parameter's step by the root of the sum of all its past squared "
    "gradients: parameters with large past gradients get smaller steps, and every step keeps "
    "shrinking.",
    "opt.rmsprop": "Like AdaGrad, but with a running mean of squared gradients (decay α) instead "
    "of their sum: old gradients are forgotten, so the steps do not die out.",
    "opt.adam": "Momentum and RMSProp together: a running mean of gradients (β₁) divided by the "
    "root of a running mean of squared gradients (β₂), with bias corrections for the first steps.",
    "opt.adamw": "AdamW first shrinks every weight by ηλ (decoupled weight decay λ), then takes "
    "the Adam step.",
}
