"""English diagnosis messages (playground/diagnosis.py finding codes). Every number in these
texts is a placeholder filled from the finding's params, which carry the constants the
diagnosis used (VANISH_RATIO, EXPLODE_RATIO, TINY_STEP, HUGE_STEP, UNSTABLE_RISE, …)."""

MESSAGES = {
    "diag.title": "Diagnosis",
    "diag.diverged": "Training diverged at epoch {epoch}: the loss {what}. The learning rate "
    "({lr}) is probably too high for {optimizer}{scale}. Try one 10× smaller. The charts show the "
    "history up to that point.",
    "diag.what.nan": "became NaN (not a number)",
    "diag.what.inf": "became infinite",
    "diag.what.exploded": "shot up far above its starting value",
    "diag.scale": ", or the initial weights are too large (×{s})",
    "diag.unstable": "Unstable training: the training loss started at {start}, reached {peak} at "
    "epoch {peak_epoch} and ended at {end}. A loss that climbs above {rise}× its start, or ends "
    "above it, means the steps overshoot the minimum: the learning rate ({lr}) is too high.",
    "diag.vanishing": "Vanishing gradient: at the start, the error signal δ that back-propagation "
    "carries to layer 1 is only {ratio} of its size at the output layer (vanishing below "
    "{limit}). Each layer multiplies δ by f′(z)·W on the way back, so with plain gradient "
    "steps the first layers barely learn.",
    "diag.vanishing.step": "Vanishing gradient: at the start, every layer's gradient is at most "
    "{step} of the size of its weights (vanishing below {step_limit}), and δ reaching layer 1 is "
    "{ratio} of its size at the output. The weights are so small that the signal fades forward "
    "and backward, and the whole network barely moves.",
    "diag.vanishing.compensates": "It still learns because {optimizer} divides each parameter's "
    "step by the size of that parameter's recent gradients: the gradient vanishes, and the "
    "adaptive step size compensates. Plain SGD stays stuck here.",
    "diag.exploding": "Exploding gradient: at the start, the error signal δ that back-propagation "
    "carries to layer 1 is {ratio}× its size at the output layer (exploding above {limit}): each "
    "layer multiplies it on the way back, so the first layers get huge steps.",
    "diag.exploding.step": "Exploding gradient: at the start, every layer's gradient is at least "
    "{step}× the size of its weights (exploding above {step_limit}): the forward pass has blown "
    "up, and a single step throws the weights far away.",
    "diag.saturated": "Saturated units: {share} of layer {layer}'s outputs sit in the flat tails "
    "of the activation, where its slope is nearly 0, so little gradient passes through them.",
    "diag.saturated.start": "Saturated units from the start: {share} of layer {layer}'s outputs "
    "sit in the flat tails of the activation, where its slope is nearly 0, so little gradient "
    "passes through them: the initial weights or the inputs are too large.",
    "diag.dead": "Dead ReLUs: {share} of layer {layer}'s units output 0 for every sample; their "
    "slope is 0 there, so they no longer learn.",
    "diag.overfitting": "Overfitting: the test loss was lowest at epoch {best} and has risen "
    "since, while the training loss kept falling.",
    "diag.underfitting": "Underfitting: the training accuracy is {acc}, while a simple reference "
    "({k} nearest neighbours) reaches {ref} on the same training data ({gap} percentage points more).",
    "diag.underfitting.bouncing": "During training the loss jumped back up by {bounce} of its "
    "starting value: the steps are too large to settle into a minimum.",
    "diag.because": "The finding above ({cause}) is the cause: fix it first.",
    "diag.normalizer": "The Normalizer scales every point (row) to length 1, so the distance "
    "from the origin is lost: the training accuracy is only {acc}, and even the reference "
    "({k} nearest neighbours) reaches only {seen} on the normalized data, against {ref} on "
    "standardized data. On data like the circles, that distance is the whole signal. This is "
    "a lesson, not a bug.",
    "diag.symmetry": "Symmetry: every unit of a hidden layer has the same weights, so they all "
    "compute the same thing and get the same update (zero initialization does this); the layer "
    "acts like a single unit.",
    "diag.healthy": "No problem found: the error signal δ reaching layer 1 is {ratio} of its "
    "size at the output (healthy between {low} and {high}), and the fit is as good as the data "
    "allow. Test accuracy: {acc}.",
    "diag.healthy.one": "No problem found: the fit is as good as the data allow. Test accuracy: "
    "{acc}.",
    # the finding names, for "the finding above (…)"
    "diag.name.diverged": "divergence",
    "diag.name.unstable": "unstable training",
    "diag.name.symmetry": "symmetry",
    "diag.name.exploding": "exploding gradient",
    "diag.name.vanishing": "vanishing gradient",
    "diag.name.dead": "dead ReLUs",
    "diag.name.saturated": "saturated units",
    # advice: each one a move the sidebar can still make
    "diag.try": "Try {items}.",
    "diag.or": " or ",
    "diag.advice.lr_down": "a smaller learning rate (now {lr})",
    "diag.advice.lr_up": "a larger learning rate (now {lr})",
    "diag.advice.scale_down": "a smaller initial weight scale (now ×{scale})",
    "diag.advice.scale_up": "a larger initial weight scale (now ×{scale})",
    "diag.advice.init": "Glorot/He initialization",
    "diag.advice.relu": "a ReLU-type hidden activation (ReLU, Leaky ReLU)",
    "diag.advice.leaky": "an activation with a slope below 0 (Leaky ReLU, ELU)",
    "diag.advice.standard": "StandardScaler",
    "diag.advice.cross_entropy": "cross entropy as the cost function",
    "diag.advice.depth_down": "fewer hidden layers (now {depth})",
    "diag.advice.depth_up": "more hidden layers (now {depth})",
    "diag.advice.width_up": "more nodes per layer (now {width})",
    "diag.advice.width_down": "fewer nodes per layer (now {width})",
    "diag.advice.epochs_up": "more epochs (now {epochs})",
    "diag.advice.batch_down": "mini-batches instead of the full batch",
    "diag.advice.l2_up": "a stronger L2 regularization (now {l2})",
    "diag.advice.more_data": "more samples (now {n})",
    "diag.advice.adaptive": "an adaptive optimizer such as Adam",
}
