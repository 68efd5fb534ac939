"""English messages of the optimizer lab page."""

MESSAGES = {
    "lab.nav": "Optimizer lab",
    "lab.title": "Optimizer lab: paths on a loss surface",
    "lab.intro": "Every optimizer starts from the same point and follows the gradient of a loss "
    "with two weights, using the playground's own optimizers (torch.optim's update rules and "
    "default settings). The background is the loss on a log scale (darker = higher).",
    "lab.surface": "Loss surface",
    "lab.surface.valley": "Narrow valley (Rosenbrock)",
    "lab.surface.bowl": "Bowl",
    "lab.surface.saddle": "Saddle point",
    "lab.surface.local_global": "Local and global minima",
    "lab.about.valley": "f = (1 − w₁)² + 100 (w₂ − w₁²)²: a long, curved, narrow valley whose "
    "floor falls only gently toward the minimum at (1, 1). The walls are steep, so the gradient "
    "points mostly across the valley: plain gradient descent needs a small learning rate not to "
    "bounce out, and then crawls along the floor. Momentum builds up speed along the floor. The "
    "adaptive optimizers ({adaptive}) divide each step by the size of past gradients, so their "
    "step length hardly depends on how steep the surface is. With this surface's defaults "
    "(η = {lr}, {steps} steps) their step shrinks from the first to the last: {shrink}. The "
    "optimizers that reach the minimum: {reached}. The table below gives every optimizer's first "
    "and last step.",
    "lab.about.bowl": "f = ½ (w₁² + {c} w₂²): a bowl {c} times as curved along w₂ as along w₁, "
    "with one minimum at (0, 0). Plain gradient descent multiplies the distance along w₂ by "
    "(1 − {c}η) each step: it zig-zags for η > {zigzag} and diverges for η > {diverge}. AdaGrad's "
    "steps keep shrinking as its sum of squared gradients grows; RMSProp forgets old gradients, "
    "so its steps shrink only as the gradient does. With the defaults (η = {lr}, {steps} steps) "
    "RMSProp reaches the minimum and AdaGrad does not.",
    "lab.about.saddle": "f = ½ w₁² + ¼ w₂⁴ − ½ w₂²: at (0, 0) the surface is a saddle, lowest "
    "along w₁ but highest along w₂. The gradient vanishes there, so gradient descent almost stops "
    "before it slides off to one of the two equally deep minima (0, ±1). Start exactly on the "
    "ridge (w₂ = 0) and exact gradients never leave it; noisy (SGD) gradients do, to a random side.",
    "lab.about.local_global": "Four wells, tilted so that the one near (−1, −1) is the deepest: "
    "the global minimum. The other three are local minima. From the default start, gradient "
    "descent rolls into the nearest well and stays there; momentum carries enough speed over the "
    "ridges to reach the deepest one. Try other start points and learning rates.",
    "lab.rules": "Update rules of the chosen optimizers",
    "lab.adaptive": "adaptive step size",
    "lab.plain": "step proportional to the gradient",
    "lab.optimizers": "Optimizers",
    "lab.lr": "Learning rate η",
    "lab.steps": "Steps",
    "lab.start_x": "Start w₁",
    "lab.start_y": "Start w₂",
    "lab.gradient": "Gradient",
    "lab.gradient.exact": "Exact (GD)",
    "lab.gradient.noisy": "Noisy (SGD)",
    "lab.gradient.help": "Exact: gradient descent on the full data. Noisy: stochastic gradient "
    "descent, whose mini-batch gradient scatters around the exact one; here the exact gradient "
    "plus Gaussian noise of scale σ.",
    "lab.noise": "Noise scale σ",
    "lab.seed": "Noise seed",
    "lab.noise.caption": "Every optimizer gets the same noise sequence (seed {seed}), so the "
    "paths differ only by the optimizer.",
    "lab.pick": "Choose at least one optimizer.",
    "lab.paths": "Paths on the surface",
    "lab.curve": "Loss per step",
    "lab.summary": "Where each optimizer ended",
    "lab.w1": "w₁",
    "lab.w2": "w₂",
    "lab.optimizer": "Optimizer",
    "lab.step": "Step",
    "lab.loss": "Loss",
    "lab.gap": "Loss − lowest loss (log)",
    "lab.landmark": "Landmark",
    "lab.kind.global": "global minimum",
    "lab.kind.local": "local minimum",
    "lab.kind.saddle": "saddle point",
    "lab.kind.start": "start",
    "lab.final_loss": "Final loss",
    "lab.final_point": "Final point",
    "lab.ends_in": "Ends in",
    "lab.diverged": "Diverged",
    "lab.first_step": "First step",
    "lab.last_step": "Last step",
    "lab.none": "not at a minimum (yet)",
    "lab.at.global": "global {point}",
    "lab.at.local": "local {point}",
    "lab.stopped": "diverged at step {step}",
    "lab.divergence": "{names} diverged: the step grew until the point left the plot far behind. "
    "A smaller learning rate keeps them on the surface.",
}
