"""English messages of the exercises page."""

MESSAGES = {
    "ex.nav": "Exercises",
    "ex.title": "Workshop exercises",
    "ex.intro": "Each exercise starts from a setup. Load it into the playground, change the "
    "controls the exercise allows, then come back here and check your setup. Hints appear one at "
    "a time; your progress stays in this browser session.",
    "ex.choose": "Exercise",
    "ex.point": "Tuning point {point}",
    "ex.goal": "Goal",
    "ex.step": "Step {n} of {total}",
    "ex.load": "Load starting setup",
    "ex.load.help": "Puts the starting setup into the sidebar and opens the playground.",
    "ex.check": "Check my current setup",
    "ex.check.help": "Trains the setup now in the sidebar (or takes it from the cache) and checks the goal.",
    "ex.checking": "Training your setup …",
    "ex.controls": "You may change: {controls}",
    "ex.controls_all": "You may change anything but the data ({fixed}).",
    "ex.locked": "Locked for this exercise: {controls}",
    "ex.locked_but": "Locked for this exercise: every control except {controls}",
    "ex.unlock": "Unlock the controls",
    "ex.bad_link": "The link names an unknown exercise, “{id}”. Pick one from the list.",
    "ex.result": "Your setup, checked (attempt {n})",
    "ex.step_done": "Step {n} done. On to step {next}: {goal}",
    "ex.solved": "Solved!",
    "ex.quiz_first": "Goal reached. Answer the question below to finish the exercise.",
    "ex.not_yet": "Not yet: {n} of {total} checks passed.",
    "ex.quiz_title": "Question",
    "ex.quiz_right": "Right.",
    "ex.quiz_wrong": "Not quite: think about it once more.",
    "ex.hints": "Hints",
    "ex.hint_btn": "Show a hint ({shown} of {total})",
    "ex.hint": "Hint {n}: {text}",
    "ex.why_title": "Why it works",
    "ex.reset": "Start this exercise over",
    "ex.progress": "Your progress",
    "ex.progress_bar": "{solved} of {total} exercises solved",
    "ex.col.point": "Point",
    "ex.col.title": "Exercise",
    "ex.col.status": "Status",
    "ex.col.attempts": "Checks",
    "ex.col.hints": "Hints used",
    "ex.status.solved": "✓ solved",
    "ex.status.step": "step {n} of {total}",
    "ex.status.open": "—",
    "ex.share": "For instructors: share this exercise",
    "ex.share_text": "Append this to the address of this page. `lock=auto` locks every control the "
    "exercise does not need; or list controls yourself, e.g. `lock=scaler,loss`. Locks last for "
    "the learner's session (until another exercise is picked or they unlock).",
    "ex.nothing": "nothing",
    "ex.run.ok": "ok",
    "ex.run.diverged": "diverged",
    # criteria
    "ex.c.converged": "Training converges (status: {status})",
    "ex.c.test_acc": "Test accuracy ≥ {target} (now {value})",
    "ex.c.train_acc_by": "Train accuracy reaches {target} by epoch {epoch} (now at epoch: {value})",
    "ex.c.train_loss": "Final train loss ≤ {target} (now {value})",
    "ex.c.ratio_below": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 below {hi} (now {value})",
    "ex.c.ratio_above": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 above {lo} (now {value})",
    "ex.c.ratio": "Gradient ratio ‖∂L/∂W₁‖ / ‖∂L/∂W_L‖ at epoch 0 between {lo} and {hi} (now {value})",
    "ex.c.units_differ": "The units of hidden layer 1 are no longer identical",
    "ex.c.has_overfitting": "The diagnosis reports overfitting",
    "ex.c.no_overfitting": "The diagnosis no longer reports overfitting",
    "ex.c.is": "{controls} is {target} (now {value})",
    "ex.c.is_not": "{controls} is not {target} (now {value})",
    "ex.c.at_least": "{controls} ≥ {target} (now {value})",
    "ex.c.max_nodes": "At most {target} hidden nodes in all (now {value})",
    "ex.c.max_size": "At most {depth} hidden layers of at most {width} nodes (now {value})",
    "ex.c.one_change": "Exactly one setting differs from the previous step (changed: {changed})",
    "ex.c.only": "Changed only: {controls}",
    "ex.c.only_previous": "Since the previous step, changed only: {controls}",
    "ex.c.also": " (you also changed: {changed})",
    # ① normalizer
    "ex.normalizer.title": "The Normalizer and the circles",
    "ex.normalizer.task": "The circles data set with a Normalizer (L2) as scaler: the network "
    "cannot learn it, whatever it tries. Find out why, then fix it by changing only the scaler.",
    "ex.normalizer.step.1": "Reach ≥ 90 % test accuracy with a different scaler.",
    "ex.normalizer.hint.1": "In the playground, open the scaler view (①) and compare the points "
    "before and after scaling.",
    "ex.normalizer.hint.2": "A Normalizer scales each point (each row) to length 1. What is left "
    "of a point's distance from the centre?",
    "ex.normalizer.hint.3": "Standardization (StandardScaler) works per feature and keeps the "
    "shape of the cloud.",
    "ex.normalizer.quiz": "Why can the network not learn the circles after the Normalizer?",
    "ex.normalizer.quiz.0": "The learning rate is too small for normalized data.",
    "ex.normalizer.quiz.1": "Every point lands on the unit circle: the radius, the one thing that "
    "separates the two classes, is gone.",
    "ex.normalizer.quiz.2": "The Normalizer mixes up the labels of the test set.",
    "ex.normalizer.why": "The two classes differ only in their distance from the centre. The "
    "Normalizer divides each point by its own norm, so every point ends up at distance 1 and only "
    "its angle survives: the classes fall on top of each other. Standardization, z = (x − μ)/σ per "
    "feature, keeps the distances.",
    # ① breast cancer
    "ex.cancer_scaler.title": "Breast cancer: without and with a scaler",
    "ex.cancer_scaler.task": "The two features of the breast-cancer set differ about 60× in size "
    "(mean area ≈ 150–2500, mean texture ≈ 10–40). Without a scaler the tanh network only predicts "
    "the majority class. These two features allow about 89 % at best.",
    "ex.cancer_scaler.step.1": "Without a scaler (keep it at none), reach ≥ 85 % test accuracy: "
    "change anything else.",
    "ex.cancer_scaler.step.2": "Load the starting setup again and change only the scaler: reach "
    "≥ 85 %.",
    "ex.cancer_scaler.hint.1": "Inputs near 1000 push tanh into its flat tails: f′(z) ≈ 0, so the "
    "gradient vanishes (see the diagnosis).",
    "ex.cancer_scaler.hint.2": "Without a scaler: an activation without flat tails (ReLU, Leaky "
    "ReLU) in a single hidden layer can get there.",
    "ex.cancer_scaler.hint.3": "With a scaler it is one change: StandardScaler or MinMaxScaler.",
    "ex.cancer_scaler.why": "Gradient descent works best when the features have similar sizes. "
    "Unscaled, the large feature saturates the tanh units and dominates the gradient, and only a "
    "lucky architecture learns at all. Standardization puts both features on the same footing, "
    "and the original network learns at once.",
    # ② MSE vs CE
    "ex.mse_ce.title": "MSE or cross entropy from a saturated start",
    "ex.mse_ce.task": "Initial weights 20× too large saturate the sigmoid units from the start. "
    "With MSE as the cost function, learning crawls. Change only the cost function.",
    "ex.mse_ce.step.1": "Reach 90 % train accuracy by epoch 15.",
    "ex.mse_ce.hint.1": "MSE's gradient at the output contains σ′(z), which is ≈ 0 where the "
    "sigmoid is saturated.",
    "ex.mse_ce.hint.2": "For cross entropy with a sigmoid output, the gradient with respect to "
    "the logit is simply ŷ − y.",
    "ex.mse_ce.quiz": "Why does cross entropy learn faster here?",
    "ex.mse_ce.quiz.0": "It has a larger learning rate built in.",
    "ex.mse_ce.quiz.1": "It ignores the wrong predictions.",
    "ex.mse_ce.quiz.2": "Its gradient ŷ − y stays large when a saturated sigmoid is wrong; MSE's "
    "is multiplied by σ′(z) ≈ 0.",
    "ex.mse_ce.why": "With MSE, ∂L/∂z = 2(ŷ − y)·σ′(z): a confidently wrong, saturated output "
    "gets almost no gradient. Cross entropy's log cancels the σ′(z): ∂L/∂z = ŷ − y, largest "
    "exactly where the output is most wrong.",
    # ③ vanishing
    "ex.vanish_fix.title": "Make the gradient vanish, then fix it with one change",
    "ex.vanish_fix.task": "Vanishing gradient: the gradient shrinks layer by layer toward the "
    "input, so the first layers hardly learn. First cause it, then cure it with a single change.",
    "ex.vanish_fix.step.1": "Make the first layer's gradient less than 1/1000 of the last "
    "layer's (ratio < 1e-3 at epoch 0).",
    "ex.vanish_fix.step.2": "From that setup, change exactly one setting so that the ratio is "
    "above 1e-2.",
    "ex.vanish_fix.hint.1": "Back-propagation multiplies by each layer's weights and by f′(z); "
    "the sigmoid's f′ is at most 0.25.",
    "ex.vanish_fix.hint.2": "Step 1: sigmoid, many layers (say 6) and small initial weights "
    "(scale 0.1).",
    "ex.vanish_fix.hint.3": "Step 2: an activation whose derivative is 1 near 0 (tanh, ReLU), or "
    "far fewer layers.",
    "ex.vanish_fix.why": "Each layer multiplies the gradient by roughly |w|·f′(z). With sigmoid "
    "(f′ ≤ 0.25) and small weights that factor is far below 1, and six layers multiply it six "
    "times. tanh and ReLU have f′ = 1 around 0, so one change restores the flow.",
    # ④ zeros
    "ex.zero_init.title": "All weights zero",
    "ex.zero_init.task": "Every weight starts at 0. Train it: nothing moves, the accuracy stays "
    "at 50 %. Find out why and fix it by changing only the initialization.",
    "ex.zero_init.step.1": "The units of hidden layer 1 differ from each other, and the test "
    "accuracy reaches ≥ 90 %.",
    "ex.zero_init.hint.1": "With zeros, every unit of a layer computes the same output and gets "
    "the same gradient. Can they ever become different?",
    "ex.zero_init.hint.2": "Draw the initial weights at random: Glorot (Xavier) for tanh and "
    "sigmoid, He for ReLU.",
    "ex.zero_init.quiz": "Why do zero initial weights fail?",
    "ex.zero_init.quiz.0": "All units of a layer start equal and get equal updates, so they stay "
    "identical (symmetry); with tanh here every gradient is even exactly 0.",
    "ex.zero_init.quiz.1": "Zero weights set the learning rate to zero.",
    "ex.zero_init.quiz.2": "The optimizer skips parameters that are exactly zero.",
    "ex.zero_init.why": "Identical units receive identical gradients, so no update can tell them "
    "apart: the layer behaves like a single unit. Random initial weights break the symmetry.",
    # ④ exploding
    "ex.explode_fix.title": "Exploding gradient",
    "ex.explode_fix.task": "Six tanh layers of 32 nodes with initial weights 20× too large: the "
    "gradient grows about 200× from the last layer to the first. Fix it through the "
    "initialization only.",
    "ex.explode_fix.step.1": "Gradient ratio at epoch 0 between 0.1 and 10, and test accuracy "
    "≥ 90 %.",
    "ex.explode_fix.hint.1": "Look at the gradient-flow chart: every layer multiplies the "
    "gradient by its weights.",
    "ex.explode_fix.hint.2": "Glorot's range √(6/(n_in + n_out)) keeps a signal's size from "
    "layer to layer: set the scale back to 1.",
    "ex.explode_fix.why": "Backward, each layer multiplies the gradient by its weight matrix; "
    "20× too large weights make that factor greater than 1, and six layers compound it. Glorot "
    "and He scale the weights to the layer's size so the factor stays near 1.",
    # ⑤ learning rate
    "ex.largest_lr.title": "The largest learning rate for SGD",
    "ex.largest_lr.task": "SGD with learning rate 10 diverges in the first epoch. Find the "
    "largest learning rate in the list that still converges.",
    "ex.largest_lr.step.1": "Learning rate ≥ 1, no divergence, and test accuracy ≥ 90 %.",
    "ex.largest_lr.hint.1": "Go down one step at a time (10 → 3 → 1) and watch the first epochs "
    "of the loss curve.",
    "ex.largest_lr.hint.2": "Too large a step jumps across the valley of the loss and lands "
    "higher every time.",
    "ex.largest_lr.why": "The learning rate is the step length along the gradient. Past a limit "
    "set by the curvature of the loss, each step overshoots the minimum by more than it "
    "corrects, and the loss grows without bound.",
    # ⑤ GD vs SGD
    "ex.gd_sgd.title": "Gradient descent vs. stochastic gradient descent",
    "ex.gd_sgd.task": "Full-batch gradient descent (batch size 0) makes one step per epoch: 100 "
    "epochs, 100 steps. Keep the epochs, the optimizer and the learning rate; change only the "
    "batch size.",
    "ex.gd_sgd.step.1": "Final train loss ≤ 0.15 in the same 100 epochs.",
    "ex.gd_sgd.hint.1": "With 400 training samples and batch size 16, one epoch makes 25 steps.",
    "ex.gd_sgd.hint.2": "Smaller batches give noisier steps, but many more of them.",
    "ex.gd_sgd.quiz": "Why does SGD get lower in the same number of epochs?",
    "ex.gd_sgd.quiz.0": "Each SGD step is more exact than a GD step.",
    "ex.gd_sgd.quiz.1": "It makes many more (noisier) steps per pass over the data.",
    "ex.gd_sgd.quiz.2": "It raises the learning rate by itself.",
    "ex.gd_sgd.why": "A mini-batch gradient is a noisy estimate of the full one, but it costs a "
    "fraction of the data: in one epoch SGD moves 25 times while GD moves once.",
    # ⑥ circles
    "ex.circles_nodes.title": "How many nodes do the circles need?",
    "ex.circles_nodes.task": "One hidden layer with a single node cannot draw a closed boundary "
    "around the inner circle. Change only the number of nodes.",
    "ex.circles_nodes.step.1": "≥ 95 % test accuracy with one hidden layer of at most 3 nodes.",
    "ex.circles_nodes.hint.1": "Each hidden node adds one straight line to the boundary. How many "
    "lines close a shape?",
    "ex.circles_nodes.hint.2": "The course's rules of thumb suggest 1–2 nodes for 2 inputs: test "
    "them, then one more.",
    "ex.circles_nodes.why": "Each tanh node splits the plane along a line; the output combines "
    "the pieces. Two lines leave an open strip, three can enclose a triangle around the inner "
    "circle. Too few nodes: underfitting.",
    # ⑥ xor
    "ex.xor_smallest.title": "The smallest network for XOR",
    "ex.xor_smallest.task": "The (8, 8) network solves XOR easily. How small can it get?",
    "ex.xor_smallest.step.1": "≥ 90 % test accuracy with at most 3 hidden nodes in all.",
    "ex.xor_smallest.hint.1": "Without hidden layers the boundary is one straight line: not "
    "enough for XOR's four quadrants.",
    "ex.xor_smallest.hint.2": "Try one hidden layer and count down: 4, 3, 2 nodes.",
    "ex.xor_smallest.hint.3": "If a small net gets stuck, give it more epochs or a larger "
    "learning rate.",
    "ex.xor_smallest.why": "XOR is not linearly separable. A few hidden nodes bend the plane so "
    "that the output can separate it; on quadrant data three nodes are enough, two are not.",
    # ⑥⑦ overfitting
    "ex.overfit_l2.title": "Overfit on purpose, then fix it with L2",
    "ex.overfit_l2.task": "100 noisy samples, half of them kept for testing. First make the "
    "network memorize the training data, then rein it in with L2 regularization alone.",
    "ex.overfit_l2.step.1": "Make the diagnosis report overfitting (test loss rising while the "
    "train loss falls).",
    "ex.overfit_l2.step.2": "From that setup, change only L2 regularization so that the "
    "diagnosis no longer reports overfitting.",
    "ex.overfit_l2.hint.1": "Overfitting needs capacity: many nodes and layers (say 3 × 32) and "
    "enough epochs.",
    "ex.overfit_l2.hint.2": "L2 adds ½·λ·Σ‖W‖² to the cost: large weights cost extra, so the "
    "boundary gets smoother.",
    "ex.overfit_l2.hint.3": "Try λ = 0.01, then 0.03.",
    "ex.overfit_l2.why": "With many more weights than training points, the network can bend its "
    "boundary around every noisy point. The L2 penalty keeps the weights small, which keeps the "
    "boundary simple.",
    # ⑦ spiral
    "ex.spiral_small.title": "The spiral with a small network",
    "ex.spiral_small.task": "Two interleaved spirals. The starting network (2 layers of 8 nodes) "
    "reaches about 89 %. Change anything but the data.",
    "ex.spiral_small.step.1": "≥ 95 % test accuracy with at most 3 hidden layers of at most 8 "
    "nodes.",
    "ex.spiral_small.hint.1": "Depth helps here: each layer can fold the plane once more.",
    "ex.spiral_small.hint.2": "Try 3 layers of 8 before changing the optimizer.",
    "ex.spiral_small.hint.3": "ReLU or ELU, more epochs or learning rate 0.03 can also help.",
    "ex.spiral_small.why": "A spiral needs a boundary that turns many times. Extra layers compose "
    "the folds of the layers below, so a third layer of 8 does more than more nodes in two.",
}
