"""English messages of the learn page."""

MESSAGES = {
    "learn.nav": "Learn",
    "learn.title": "Learn: the tuning points one by one",
    "learn.intro": "Pick a topic. Each one explains a knob in a few sentences, gives its formulas, "
    "draws a small live picture with the playground's own code, and offers setups to try.",
    "learn.pick": "Topic",
    "learn.sec.1": "① Input",
    "learn.sec.2": "② Cost function",
    "learn.sec.3": "③ Activation",
    "learn.sec.4": "④ Initialization",
    "learn.sec.5": "⑤ Optimizer",
    "learn.sec.6": "⑥ Nodes",
    "learn.sec.7": "⑦ Layers",
    "learn.sec.reg": "L1 & L2 regularization",
    "learn.sec.backprop": "Back-propagation",
    "learn.sec.gradients": "Vanishing & exploding gradients",
    "learn.equivalents": "PyTorch {torch} · Keras {keras} · scikit-learn {sklearn}",
    "learn.formulas": "Formulas",
    "learn.picture": "See it",
    "learn.try": "Try it in the playground",
    "learn.try_btn": "Try it",
    "learn.dataset": "Data set",
    "learn.scaler": "Scaler",
    "learn.feature": "feature",
    "learn.value": "value",
    "learn.density": "density",
    "learn.class": "class",
    "learn.before": "before scaling",
    "learn.after": "after: {scaler}",
    # ①
    "learn.1.text": "Features measured on very different scales pull gradient descent in "
    "unequal directions: the largest feature dominates the gradient, and saturating activations "
    "flatten out. Two remedies, fitted on the training split only and then applied to the test "
    "data and the plotting grid:\n\n"
    "- **Standardization** rescales each *feature* to mean 0 and standard deviation 1 "
    "(scikit-learn's `StandardScaler`). It suits roughly Gaussian data. Each axis is shifted and "
    "stretched on its own, so the order of the points along each feature stays but distances and "
    "the cloud's proportions change.\n"
    "- **Normalization** divides a *vector* by its norm so that its length is 1 and every element "
    "lies in [−1, 1]. scikit-learn's `Normalizer` does this for each *sample* (row): on 2-D data "
    "every point lands on the unit circle (L2) or diamond (L1), and its distance from the origin "
    "is lost. (The slide divides the whole array by one norm instead: the cloud keeps its shape "
    "and only shrinks.)",
    "learn.1.std_tab": "Standardization",
    "learn.1.norm_tab": "Normalization",
    "learn.1.std_caption": "Each feature's distribution before and after the scaler (training "
    "split of {dataset}).",
    "learn.1.norm_pick": "Norm",
    "learn.1.norm_caption": "Left: the data. Right: the same points after Normalizer({norm}), "
    "with the unit balls of the three norms. Each point's {norm} norm before: {lo} to {hi}; after: "
    "always 1.",
    "learn.1.ball": "unit ball",
    # ②
    "learn.2.text": "The cost function measures how far the predictions are from the truth; "
    "training lowers it. For classification the playground uses **cross entropy**: entropy is the "
    "number of bits an optimal code for p needs; cross entropy is what you pay when you encode p "
    "with the model's distribution q instead. It is smallest, equal to the entropy of p, when q = p, "
    "and grows as q moves away. The alternative, **mean squared error** (MSE), compares "
    "probabilities like numbers; on a sigmoid output it learns slowly once the sigmoid saturates.",
    "learn.2.distance": "Distance between the means of p and q",
    "learn.2.sigma": "Spread of q (σ_q)",
    "learn.2.h_pq": "Cross entropy H(p, q)",
    "learn.2.h_p": "Entropy H(p)",
    "learn.2.kl": "Extra cost H(p, q) − H(p)",
    "learn.2.nats": "{v} nats",
    "learn.2.caption": "p = N(0, 1) (blue) is the truth, q (red) the model. Values computed as "
    "−Σ p(x) log q(x) Δx on the plotted grid.",
    "learn.2.grad_title": "Gradient at the output for a positive example (y = 1)",
    "learn.2.grad_caption": "|∂L/∂z| against the output's logit z. Far left the sigmoid is "
    "saturated and wrong: cross entropy still pushes with ≈ 1, MSE with almost 0.",
    "learn.2.logit": "logit z of the output",
    "learn.2.grad": "|∂L/∂z|",
    "learn.2.pick": "Cost function",
    "learn.2.loss": "cost function",
    # ③
    "learn.3.text": "A neuron computes a linear function W·x + b and passes it through an "
    "**activation function**. Without it, any stack of layers is still one linear function. The "
    "activation's derivative f′ is what back-propagation multiplies by at every layer: where f′ is "
    "near 0 (the flat tails of sigmoid and tanh) the unit *saturates* and the gradient fades; "
    "ReLU's f′ is exactly 1 for positive inputs and 0 for negative ones (a unit that never fires "
    "is *dead*).",
    "learn.3.pick": "Activation function",
    "learn.3.f": "f(z)",
    "learn.3.df": "f′(z)",
    "learn.3.x": "z",
    "learn.3.curve": "curve",
    "learn.3.saturated": "saturated (f′ < {pct} % of its peak)",
    "learn.3.maxout": "Maxout with {pieces} pieces, drawn for w = ({w1}, {w2}), b = (0, 0): "
    "max({w1}x, {w2}x).",
    # ④
    "learn.4.text": "Before training, every weight is drawn from a distribution: a **normal "
    "distribution** (bell-shaped around 0) or a **uniform distribution** (equally likely within "
    "±r). The spread matters: too small and the signal and the gradient shrink layer by layer "
    "(vanishing); too large and they grow layer by layer (exploding), except where sigmoid or tanh "
    "units saturate: there f′ → 0 and the gradient vanishes after all. **Glorot (Xavier)** scales "
    "the spread to the layer's inputs and outputs and suits tanh and sigmoid; **He** scales to the "
    "inputs only and suits ReLU. All zeros is the classic mistake: every node of a layer stays "
    "identical forever.",
    "learn.4.slide": "**Slide vs standard.** The slide prints Glorot normal as σ = √(6/(n_in + "
    "n_out)), the same as the uniform range r; the standard (Glorot & Bengio 2010, PyTorch, Keras) "
    "and the playground use σ = √(2/(n_in + n_out)), which gives the normal distribution the "
    "variance of U(−r, r), r²/3. The slide prints He as √2·√(6/(n_in + n_out)) for both "
    "distributions; He et al. (2015), PyTorch, Keras and the playground use the layer's inputs "
    "only: r = √(6/n_in), σ = √(2/n_in). The slide also calls σ the variance; σ is the standard "
    "deviation, the variance is σ².",
    "learn.4.formula": "the initial weights W",
    "learn.4.method": "method",
    "learn.4.pick": "Initializer",
    "learn.4.fan_in": "Inputs of the layer (n_in)",
    "learn.4.fan_out": "Outputs of the layer (n_out)",
    "learn.4.weight": "initial weight",
    "learn.4.count": "count",
    "learn.4.normal": "Theory: σ = {s}. Measured standard deviation: {m}.",
    "learn.4.uniform": "Theory: between −{s} and {s}. Measured: {lo} to {hi}.",
    "learn.4.zeros": "Every weight is exactly 0.",
    "learn.4.caption": "{n} weights of one {i} × {o} layer (seed {seed}); the red lines mark ±σ or "
    "±r.",
    # ⑤
    "learn.5.text": "**Gradient descent** moves each weight against the gradient of the loss, "
    "found by partial derivatives; the **learning rate** η sets the step. Full-batch gradient "
    "descent uses all training data for each step; **stochastic gradient descent** (SGD) uses "
    "small random batches, many times per epoch: its path is noisy but it gets further in the "
    "same number of epochs. A loss can have *local minima* besides its *global minimum*. **Momentum** adds inertia, "
    "so updates continue where the gradient is 0; **AdaGrad** gives each parameter its own "
    "learning rate, smaller for parameters whose past gradients were large; **RMSProp** fixes AdaGrad's "
    "rate decaying to nothing by weighting recent gradients more; **Adam** combines momentum and "
    "RMSProp. The rules below are PyTorch's (`torch.optim`), which the playground follows.",
    "learn.5.batch": "g is the mean gradient over a batch B: all training data for gradient descent, "
    "a small random batch for SGD.",
    "learn.5.pick": "Optimizer",
    "learn.5.defaults": "Defaults here: {defaults}",
    "learn.5.lab": "Watch the optimizers walk on a loss surface in the Optimizer lab.",
    "learn.5.lab_link": "Open the Optimizer lab",
    "learn.5.lr": "Learning rate η",
    "learn.5.steps_caption": "Gradient descent on L(w) = w² from w = {w0}: each step is "
    "w ← w − η·2w = (1 − 2η)·w, so at η = {lr} every step multiplies w by {factor}.",
    "learn.5.gd.one_side": "w moves toward the minimum from one side, each step shorter than the "
    "last: after {steps} steps w = {w_end}.",
    "learn.5.gd.one_step": "The first step lands exactly on the minimum w = 0, and w stays there.",
    "learn.5.gd.zigzag": "w jumps across the minimum at every step and still closes in: after "
    "{steps} steps w = {w_end}.",
    "learn.5.gd.bounce": "w jumps between {w0} and −{w0} forever: the loss never falls.",
    "learn.5.gd.diverge": "w jumps across the minimum and lands further out at every step: after "
    "{steps} steps w = {w_end}, and it keeps growing (divergence).",
    "learn.5.weight": "weight w",
    "learn.5.loss": "loss L(w)",
    "learn.5.step": "step",
    # ⑥
    "learn.6.text": "A single hidden layer can represent any data, given enough **nodes**; more "
    "nodes draw more complex boundaries. Too few nodes cannot follow the data "
    "(**underfitting**); too many, with little or noisy data, learn the noise "
    "(**overfitting**): the training loss keeps falling while the test loss rises. The course "
    "gives rules of thumb for the number of hidden nodes; for the playground's 2 inputs and 1 "
    "output they suggest very small layers: try them, then see what the data actually needs.",
    "learn.6.rules": "Rules of thumb for 2 inputs and 1 output",
    "learn.6.rule": "Rule",
    "learn.6.nodes": "Hidden nodes",
    "learn.6.rule.between": "Between the output and input layer sizes",
    "learn.6.rule.two_thirds": "⅔ of the input size plus the output size",
    "learn.6.rule.twice": "Less than twice the input size",
    "learn.6.sweep": "Train and test accuracy of one hidden layer with {lo} … {hi} nodes on "
    "{dataset} ({activation}, {optimizer}, {epochs} epochs; trained now and cached).",
    "learn.6.width": "nodes in the hidden layer",
    "learn.accuracy": "accuracy",
    "learn.split": "split",
    "learn.train": "train",
    "learn.test": "test",
    # ⑦
    "learn.7.text": "More **hidden layers** let a network compose simple pieces into complex "
    "shapes: each layer can fold the plane once more, so a deep narrow net can do what a shallow "
    "one needs many nodes for. Depth has costs: more layers to pass the gradient through "
    "(vanishing or exploding gradients) and more capacity to overfit with.",
    "learn.7.sweep": "Train and test accuracy with {lo} … {hi} hidden layers of {width} nodes on "
    "{dataset} ({activation}, {optimizer}, {epochs} epochs; trained now and cached).",
    "learn.7.depth": "hidden layers",
    "learn.7.params": "P: the number of weights and biases; with {n_in} inputs, layers of {width} "
    "nodes and {n_out} output: {list}.",
    "learn.7.layers": "{d} hidden: {n}",
    # back-propagation
    "learn.backprop.text": "**Back-propagation** computes every weight's share of "
    "the error in four steps, then lets gradient descent adjust the weights in the direction "
    "that lowers the error. The chain rule does the work: each layer passes the error signal δ "
    "back through its weights and its activation's derivative.",
    "learn.backprop.s1": "**1. Prediction (forward):** each layer's and each node's output.",
    "learn.backprop.s2": "**2. Error:** the difference between the outputs and the true values.",
    "learn.backprop.s3": "**3. Contribution (backward):** each layer's and each node's share of "
    "the error.",
    "learn.backprop.s4": "**4. Weight update:** gradient descent moves each weight to lower the "
    "error.",
    "learn.backprop.page": "Follow one step with real numbers on the back-propagation page.",
    "learn.backprop.link": "Open the back-propagation page",
    # gradients
    "learn.gradients.text": "Back-propagation multiplies the error signal, layer after layer, by "
    "the weights and by f′(z). If those factors are below 1, the gradient shrinks toward the input "
    "layer: a **vanishing gradient**, caused by initial weights that are too small or "
    "an activation whose output range is small for its input (sigmoid, f′ ≤ {peak}). If they are "
    "above 1, it grows: an **exploding gradient**, caused by initial weights that are "
    "too large or an activation whose output range is too large. The picture below measures, for "
    "a freshly initialized network, what the playground's diagnosis measures: the error signal "
    "δ_l = ∂L/∂z_l that reaches each layer, the ratio ‖δ₁‖ / ‖δ_L‖, and each layer's step size "
    "‖∂L/∂W_l‖ / ‖W_l‖, which also catches a gradient that is tiny, or huge, in every layer "
    "alike.",
    "learn.gradients.activation": "Activation function",
    "learn.gradients.scale": "Initial weight scale",
    "learn.gradients.depth": "Hidden layers",
    "learn.gradients.width": "Nodes per layer",
    "learn.gradients.layer": "layer (1 = next to the input)",
    "learn.gradients.norm": "error signal ‖δ_l‖",
    "learn.gradients.ratio": "Ratio ‖δ₁‖ / ‖δ_L‖ (first / last layer)",
    "learn.gradients.vanishing": "Vanishing: the first layer receives less than {limit} of the "
    "output layer's error signal.",
    "learn.gradients.exploding": "Exploding: the first layer's error signal is over {limit}× the "
    "output layer's.",
    "learn.gradients.vanishing_step": "Vanishing in every layer: each layer's gradient is less "
    "than {limit} of its weights (‖∂L/∂W_l‖ / ‖W_l‖), so no layer learns, whatever the ratio.",
    "learn.gradients.exploding_step": "Exploding in every layer: each layer's gradient is over "
    "{limit}× its weights (‖∂L/∂W_l‖ / ‖W_l‖): one step of size 1 would replace every weight.",
    "learn.gradients.growing": "Growing toward the input ({ratio}×, over {limit}×): on the way to "
    "exploding.",
    "learn.gradients.healthy": "The gradient reaches the first layer in good shape.",
    "learn.gradients.caption": "Error signals of a freshly initialized network ({init}) on {n} "
    "standardized points of {dataset}, computed with the playground's own network code as "
    "training records them before its first step; log scale.",
    # presets
    "learn.preset.normalizer": "Normalizer (L2) on the circles",
    "learn.preset.normalizer.about": "Every point moves onto the unit circle: the classes "
    "overlap, and test accuracy stays no better than chance.",
    "learn.preset.standard": "StandardScaler on the circles",
    "learn.preset.standard.about": "The same run with standardization: the radius survives and "
    "the circles are learned.",
    "learn.preset.mse": "MSE on a saturated sigmoid",
    "learn.preset.mse.about": "Weights ×20 saturate the sigmoid nodes; with MSE the loss falls "
    "slowly and the accuracy stays below 50 % for the first 10 epochs.",
    "learn.preset.ce": "Cross entropy on the same start",
    "learn.preset.ce.about": "Only the cost function differs: accuracy passes 90 % within 10 "
    "epochs.",
    "learn.preset.zeros": "All weights zero",
    "learn.preset.zeros.about": "Every unit of a layer learns the same thing: look at the "
    "neurons view, all units are identical.",
    "learn.preset.exploding": "Large initial weights",
    "learn.preset.exploding.about": "Six tanh layers of 32 with weights ×20: the gradient grows "
    "about 200× toward the input.",
    "learn.preset.lr_high": "Learning rate far too high",
    "learn.preset.lr_high.about": "SGD with η = 10: the loss blows up in the first epoch.",
    "learn.preset.gd": "Full-batch gradient descent",
    "learn.preset.gd.about": "One step per epoch: 100 epochs are 100 steps, and the loss is still "
    "high.",
    "learn.preset.sgd": "Mini-batch SGD, same epochs",
    "learn.preset.sgd.about": "Batches of 16: 25 steps per epoch, and a much lower loss in the "
    "same 100 epochs.",
    "learn.preset.underfit": "Two nodes for the spiral",
    "learn.preset.underfit.about": "Far too few nodes: the boundary cannot follow the arms "
    "(underfitting).",
    "learn.preset.overfit": "Wide deep net, little noisy data",
    "learn.preset.overfit.about": "3 × 32 nodes on 50 training points: the training loss goes to "
    "0 while the test loss climbs (overfitting).",
}
