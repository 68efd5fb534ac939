"""English messages of the exercises page."""

MESSAGES = {
    "ex.nav": "Exercises",
    "ex.title": "Workshop exercises",
    "ex.intro": "Each exercise starts from a setup. Load it into the playground, change the "
    "controls the exercise allows, then come back here and check your setup. Hints appear one at "
    "a time. Your progress is kept in this page's address: bookmark it, or copy it, to come back "
    "to it later.",
    "ex.choose": "Exercise",
    "ex.point": "Tuning point {point}",
    "ex.goal": "Goal",
    "ex.step": "Step {n} of {total}",
    "ex.load": "Load starting setup",
    "ex.load.help": "Puts the starting setup into the sidebar and opens the playground.",
    "ex.check": "Check my current setup",
    "ex.check.help": "Trains the setup now in the sidebar (or takes it from the cache) and checks "
    "the goal.",
    "ex.checking": "Training your setup …",
    "ex.controls": "You may change: {controls}",
    "ex.controls_all": "You may change anything but the data ({fixed}).",
    "ex.locked": "Locked for this exercise: {controls}",
    "ex.locked_but": "Locked for this exercise: every control except {controls}",
    "ex.unlock": "Unlock the controls",
    "ex.bad_link": "The link names an unknown exercise, “{id}”. Pick one from the list.",
    "ex.url_ignored": "Some progress values in the address were not understood and were ignored: "
    "{values}",
    "ex.result": "Your setup, checked (attempt {n})",
    "ex.step_done": "Step {n} done. On to step {next}: {goal}",
    "ex.solved": "Solved!",
    "ex.quiz_first": "Goal reached. Answer the question below to finish the exercise.",
    "ex.not_yet": "Not yet: {n} of {total} checks passed.",
    # predict before you run
    "ex.predict_title": "Predict before you run",
    "ex.predict_first": "Pick your prediction first: it is recorded when you check, before the "
    "training.",
    "ex.predicted": "Your prediction",
    "ex.shown": "What this run showed",
    "ex.predict_match": "The run did what you predicted.",
    "ex.predict_miss": "The run went another way than you predicted: worth working out why.",
    # quiz
    "ex.quiz_title": "Question",
    "ex.quiz_once": "One answer per question: it is recorded and cannot be changed.",
    "ex.quiz_right": "Right. {why}",
    "ex.quiz_wrong": "Not right. {why}",
    "ex.quiz_answer": "The right answer: “{answer}” {why}",
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
    "ex.col.quiz": "Question",
    "ex.col.predict": "Prediction",
    "ex.status.solved": "✓ solved",
    "ex.status.step": "step {n} of {total}",
    "ex.status.open": "—",
    "ex.mark.right": "✓ right",
    "ex.mark.wrong": "✗ wrong",
    "ex.mark.none": "—",
    "ex.share": "For instructors: share this exercise",
    "ex.share_text": "Append this to the address of this page. `lock=auto` locks every control the "
    "exercise does not need; or list controls yourself, e.g. `lock=scaler,loss`. Locks last for "
    "the learner's session (until another exercise is picked or they unlock).",
    "ex.nothing": "nothing",
    "ex.run.ok": "ok",
    "ex.run.diverged": "diverged",
    # criteria: each names the concept it checks
    "ex.c.converged": "Training converges (status: {status})",
    "ex.c.test_acc": "Test accuracy ≥ {target} (now {value})",
    "ex.c.train_acc_by": "Train accuracy reaches {target} by epoch {epoch} (now at epoch: {value})",
    "ex.c.train_loss": "Final train loss ≤ {target} (now {value})",
    "ex.c.delta_below": "Error signal at epoch 0: ‖δ₁‖ / ‖δ_L‖ below {hi} (now {value})",
    "ex.c.delta_above": "Error signal at epoch 0: ‖δ₁‖ / ‖δ_L‖ above {lo} (now {value})",
    "ex.c.delta": "Error signal at epoch 0: ‖δ₁‖ / ‖δ_L‖ between {lo} and {hi} (now {value})",
    "ex.c.flows": "The gradient reaches the first layer at epoch 0: ‖δ₁‖ / ‖δ_L‖ between {lo} and "
    "{hi} (now {ratio}) and ‖∂L/∂W₁‖ / ‖W₁‖ ≥ {rel} (now {size})",
    "ex.c.not_saturated": "Hidden layer 1 is not saturated at epoch 0: at most {target} of its "
    "outputs in the flat tails (now {value})",
    "ex.c.units_differ": "The units of hidden layer 1 are no longer identical",
    "ex.c.units_same": "The units of hidden layer 1 are still identical to each other (symmetry)",
    "ex.c.weights_moved": "The weights of hidden layer 1 moved away from 0 during training",
    "ex.c.has_vanishing": "The diagnosis reports a vanishing gradient",
    "ex.c.no_vanishing": "The diagnosis reports no vanishing gradient",
    "ex.c.no_exploding": "The diagnosis reports no exploding gradient",
    "ex.c.has_overfitting": "The diagnosis reports overfitting",
    "ex.c.no_overfitting": "The diagnosis no longer reports overfitting",
    "ex.c.no_underfitting": "The diagnosis reports no underfitting",
    "ex.c.is": "{controls} is {target} (now {value})",
    "ex.c.is_not": "{controls} is not {target} (now {value})",
    "ex.c.per_feature": "The scaler works per feature: StandardScaler or MinMaxScaler (now {value})",
    "ex.c.at_least": "{controls} ≥ {target} (now {value})",
    "ex.c.max_nodes": "At most {target} hidden nodes in all (now {value})",
    "ex.c.max_size": "At most {depth} hidden layers of at most {width} nodes (now {value})",
    "ex.c.deeper": "More hidden layers than the start's {target} (now {value})",
    "ex.c.loss_below_start": "The train loss never rises above its start {start} (highest after "
    "epoch 0: {value})",
    "ex.c.mini_batches": "Mini-batches: more than one weight update per epoch (now {value})",
    "ex.c.full_batch": "Full batch: one weight update per epoch (now {value})",
    "ex.c.test_loss_lower": "Final test loss lower than in the step before (now {value}, before "
    "{before})",
    "ex.c.one_change": "Exactly one setting differs from the previous step (changed: {changed})",
    "ex.c.only": "Changed only: {controls}",
    "ex.c.only_previous": "Since the previous step, changed only: {controls}",
    "ex.c.also": " (you also changed: {changed})",
    # ① normalizer
    "ex.normalizer.title": "The Normalizer and the circles",
    "ex.normalizer.task": "The circles data set with a Normalizer (L2) as scaler: the network "
    "cannot learn it, whatever it tries. Find out why, then fix it by changing only the scaler.",
    "ex.normalizer.step.1": "Replace the Normalizer with a scaler that works per feature, and "
    "reach ≥ 90 % test accuracy.",
    "ex.normalizer.hint.1": "In the playground, open the scaler view (①) and compare the points "
    "before and after scaling.",
    "ex.normalizer.hint.2": "A Normalizer scales each point (each row) to length 1. What is left "
    "of a point's distance from the centre?",
    "ex.normalizer.hint.3": "StandardScaler and MinMaxScaler work per feature (per column): they "
    "shift and stretch each axis, but never pull the points onto one circle. (These circles happen "
    "to learn without any scaler too, but that is not the lesson here.)",
    "ex.normalizer.predict": "Before you check: what will your scaler do to the points of the two "
    "circles?",
    "ex.normalizer.predict.0": "Every point ends at the same distance from the centre: the classes "
    "overlap.",
    "ex.normalizer.predict.1": "Each axis is rescaled: distances change, but the inner circle "
    "stays inside.",
    "ex.normalizer.predict.2": "Nothing moves: every point keeps its coordinates.",
    "ex.normalizer.quiz": "Why can the network not learn the circles after the Normalizer?",
    "ex.normalizer.quiz.0": "Its learning rate is too small for data of length 1.",
    "ex.normalizer.quiz.1": "Every point lands on the unit circle: the radius is lost.",
    "ex.normalizer.quiz.2": "It mixes up the labels of the points in the test set.",
    "ex.normalizer.quiz.0.why": "The step size is not the problem: no learning rate separates "
    "points that lie on top of each other.",
    "ex.normalizer.quiz.1.why": "The two classes differ only in their distance from the centre; "
    "after each point is divided by its own norm, that distance is 1 for all of them.",
    "ex.normalizer.quiz.2.why": "A scaler never touches the labels: it transforms the features "
    "only (and is fitted on the training split only).",
    "ex.normalizer.why": "The two classes differ only in their distance from the centre. The "
    "Normalizer divides each point by its own norm, so every point ends up at distance 1 and only "
    "its angle survives: the classes fall on top of each other. Standardization, z = (x − μ)/σ, "
    "rescales each axis on its own: distances change, but on these circles both axes have about "
    "the same spread, so the inner circle stays inside the outer one.",
    # ① breast cancer
    "ex.cancer_scaler.title": "Breast cancer: without and with a scaler",
    "ex.cancer_scaler.task": "The two features of the breast-cancer set live on very different "
    "scales: mean area 143–2501, mean texture 10–39 (the area's spread is about 80× larger). "
    "Without a scaler the tanh network only predicts the majority class (63 %). These two features "
    "allow about 89 % at best.",
    "ex.cancer_scaler.step.1": "Without a scaler (keep it at none), reach ≥ 85 % test accuracy "
    "with a first hidden layer that is not saturated from the start: change anything else.",
    "ex.cancer_scaler.step.2": "Load the starting setup again and change only the scaler, to one "
    "that works per feature: reach ≥ 85 %.",
    "ex.cancer_scaler.hint.1": "Inputs near 1000 push tanh into its flat tails: f′(z) ≈ 0, so "
    "the first layer's gradient vanishes (see the diagnosis).",
    "ex.cancer_scaler.hint.2": "Without a scaler: an activation without flat tails (ReLU, Leaky "
    "ReLU, even linear) in a single hidden layer can get there.",
    "ex.cancer_scaler.hint.3": "With a scaler it is one change: StandardScaler or MinMaxScaler. A "
    "Normalizer scales each sample, not each feature.",
    "ex.cancer_scaler.predict": "Before you check step 2: with your scaler, how many outputs of "
    "the first hidden layer will sit in tanh's flat tails at epoch 0?",
    "ex.cancer_scaler.predict.0": "Almost none (under 10 %)",
    "ex.cancer_scaler.predict.1": "Some (10 % to 50 %)",
    "ex.cancer_scaler.predict.2": "Most (over 50 %), as without a scaler",
    "ex.cancer_scaler.why": "Gradient descent works best when the features have similar sizes. "
    "Unscaled, the large feature saturates the tanh units and dominates the gradient; only an "
    "activation without flat tails learns at all, and even then its first gradients are many "
    "times larger than its weights (the diagnosis calls that exploding). Standardization puts "
    "both features on the same footing, and the original network learns at once.",
    # ② MSE vs CE
    "ex.mse_ce.title": "MSE or cross entropy from a saturated start",
    "ex.mse_ce.task": "Initial weights 20× too large saturate the sigmoid units from the start, "
    "the output unit included. With MSE as the cost function, learning crawls. Change only the "
    "cost function.",
    "ex.mse_ce.step.1": "Pick the cost function whose gradient does not vanish on a saturated "
    "sigmoid output, and reach 90 % train accuracy by epoch 15.",
    "ex.mse_ce.hint.1": "MSE's gradient at the output contains σ′(z), which is ≈ 0 where the "
    "sigmoid is saturated.",
    "ex.mse_ce.hint.2": "For cross entropy with a sigmoid output, the gradient with respect to "
    "the logit is simply ŷ − y.",
    "ex.mse_ce.predict": "Before you check: at epoch 0, how large will the output layer's gradient "
    "be with your cost function, compared with MSE's?",
    "ex.mse_ce.predict.0": "At least 3× larger",
    "ex.mse_ce.predict.1": "About the same (within 3×)",
    "ex.mse_ce.predict.2": "At least 3× smaller",
    "ex.mse_ce.quiz": "Why does cross entropy learn faster here?",
    "ex.mse_ce.quiz.0": "It has a larger learning rate built into its formula.",
    "ex.mse_ce.quiz.1": "It ignores the predictions that are already wrong.",
    "ex.mse_ce.quiz.2": "Its gradient ŷ − y does not shrink with σ′(z) ≈ 0.",
    "ex.mse_ce.quiz.0.why": "A cost function does not change the learning rate: the optimizer's "
    "step rule is the same. What differs is the size of the gradient.",
    "ex.mse_ce.quiz.1.why": "The opposite: cross entropy punishes a confidently wrong prediction "
    "hardest, with a gradient that stays large.",
    "ex.mse_ce.quiz.2.why": "With MSE, ∂L/∂z = 2(ŷ − y)·σ′(z), almost 0 on a saturated output; "
    "the log of cross entropy cancels σ′(z) and leaves ŷ − y.",
    "ex.mse_ce.why": "With MSE, ∂L/∂z = 2(ŷ − y)·σ′(z): a confidently wrong, saturated output "
    "gets almost no gradient. Cross entropy's log cancels the σ′(z): ∂L/∂z = ŷ − y, largest "
    "exactly where the output is most wrong.",
    # ③ vanishing
    "ex.vanish_fix.title": "Make the gradient vanish, then fix it with one change",
    "ex.vanish_fix.task": "Vanishing gradient: the gradient shrinks layer by layer toward the "
    "input, so the first layers hardly learn. First cause it, then cure it with a single change.",
    "ex.vanish_fix.step.1": "Make the diagnosis report a vanishing gradient, with the error "
    "signal δ that reaches layer 1 below 1/1000 of its size at the output layer (‖δ₁‖ / ‖δ_L‖ "
    "< 1e-3 at epoch 0).",
    "ex.vanish_fix.step.2": "From that setup, change exactly one setting so that the gradient "
    "reaches the first layer again: no vanishing reported, δ at layer 1 between 1/10 and 10× its "
    "size at the output layer, and layer 1's gradient not tiny next to its weights.",
    "ex.vanish_fix.hint.1": "Back-propagation multiplies by each layer's weights and by f′(z); "
    "the sigmoid's f′ is at most 0.25.",
    "ex.vanish_fix.hint.2": "Step 1: sigmoid and many layers (say 6) are enough, even with "
    "Glorot weights.",
    "ex.vanish_fix.hint.3": "Step 2: an activation whose derivative is 1 near 0 (tanh, ReLU). If "
    "you also made the weights small in step 1, every layer shrinks the gradient, and changing "
    "the activation alone no longer helps.",
    "ex.vanish_fix.predict": "Before you check step 2: what will your one change do to the first "
    "layer's gradient at epoch 0?",
    "ex.vanish_fix.predict.0": "Grow more than 10-fold",
    "ex.vanish_fix.predict.1": "Change less than 10-fold",
    "ex.vanish_fix.predict.2": "Shrink more than 10-fold",
    "ex.vanish_fix.why": "Each layer multiplies the back-propagated signal by roughly |w|·f′(z). "
    "With sigmoid (f′ ≤ 0.25) that factor is well below 1, and six layers multiply it six times. "
    "tanh and ReLU have f′ = 1 around 0, so with weights of Glorot's size the signal keeps its "
    "size from layer to layer. Weights that are too small shrink it in every layer, whatever the "
    "activation.",
    # ④ zeros
    "ex.zero_init.title": "All weights zero",
    "ex.zero_init.task": "Every weight starts at 0. Train it: nothing moves, the accuracy stays "
    "at 50 %. First find out what zeros do to a layer, then fix the initialization.",
    "ex.zero_init.step.1": "Keep the zeros and change only the activation, so that the weights of "
    "hidden layer 1 move during training. Are its units still identical?",
    "ex.zero_init.step.2": "Load the starting setup again and change only the initialization: "
    "the units of hidden layer 1 differ, and the test accuracy reaches ≥ 90 %.",
    "ex.zero_init.hint.1": "With tanh, tanh(0) = 0: every hidden output is 0, so no gradient "
    "reaches any weight. Which activation is not 0 at 0?",
    "ex.zero_init.hint.2": "Sigmoid(0) = 0.5. Then every unit of a layer computes the same output "
    "and gets the same gradient. Can they ever become different?",
    "ex.zero_init.hint.3": "Draw the initial weights at random and at the right size: Glorot "
    "(Xavier) for tanh and sigmoid, He for ReLU. Random but tiny weights (σ 0.05) break the "
    "symmetry, yet in 100 epochs they learn only a nearly straight boundary (about 83 %).",
    "ex.zero_init.predict": "Before you check step 1: with all weights at 0, what will training "
    "do to the 8 units of hidden layer 1?",
    "ex.zero_init.predict.0": "They stay at 0: no gradient reaches them.",
    "ex.zero_init.predict.1": "They move, but all 8 stay identical.",
    "ex.zero_init.predict.2": "They move and become different.",
    "ex.zero_init.quiz": "Why do zero initial weights fail?",
    "ex.zero_init.quiz.0": "Equal units get equal updates, so they stay identical.",
    "ex.zero_init.quiz.1": "Zero weights set the learning rate to zero as well.",
    "ex.zero_init.quiz.2": "The optimizer skips every parameter that is exactly 0.",
    "ex.zero_init.quiz.0.why": "Identical units compute the same output and receive the same "
    "gradient, so no update can tell them apart: the layer acts like one unit. With tanh the "
    "gradient is even exactly 0.",
    "ex.zero_init.quiz.1.why": "The learning rate is a setting of the optimizer and does not "
    "depend on the weights. The step is learning rate × gradient, and the gradient is what is "
    "stuck.",
    "ex.zero_init.quiz.2.why": "Optimizers update every parameter by its gradient: a weight of 0 "
    "moves as soon as its gradient is not 0, as the sigmoid run of step 1 shows.",
    "ex.zero_init.why": "Identical units receive identical gradients, so no update can tell them "
    "apart: the layer behaves like a single unit (with sigmoid the network learns only what one "
    "unit per layer can). Random initial weights break the symmetry; Glorot and He also give "
    "them the right size.",
    # ④ exploding
    "ex.explode_fix.title": "Exploding gradient",
    "ex.explode_fix.task": "Six tanh layers of 32 nodes with initial weights 20× too large: on "
    "its way back from the output layer to the first, the error signal δ grows about 2000×. "
    "First see how the growth builds up layer by layer, then fix it through the initialization.",
    "ex.explode_fix.step.1": "Keep the ×20 weights and change only the number of hidden layers, "
    "so that δ grows at most 100× on its way back (the diagnosis's limit for exploding).",
    "ex.explode_fix.step.2": "Load the starting setup again and change only the initialization: "
    "no exploding gradient reported, δ at layer 1 between 1/10 and 10× its size at the output "
    "layer, and test accuracy ≥ 90 %.",
    "ex.explode_fix.hint.1": "Read the diagnosis and the gradient-flow chart: going backward, "
    "every layer multiplies the error signal by its weights (and by f′(z)).",
    "ex.explode_fix.hint.2": "Step 1: each layer you remove removes one multiplication. Count "
    "down from 6.",
    "ex.explode_fix.hint.3": "Step 2: Glorot's range √(6/(n_in + n_out)) keeps a signal's size "
    "from layer to layer: set the scale back to 1. Another initializer at ×20 is still 20× too "
    "large.",
    "ex.explode_fix.predict": "Before you check step 1: with fewer layers, what will happen to "
    "the ratio ‖δ₁‖ / ‖δ_L‖ (about 2300 now)?",
    "ex.explode_fix.predict.0": "It falls more than 10-fold",
    "ex.explode_fix.predict.1": "It changes less than 10-fold",
    "ex.explode_fix.predict.2": "It grows more than 10-fold",
    "ex.explode_fix.why": "Backward, each layer multiplies the error signal by its weight matrix "
    "(and by f′(z)). Weights 20× too large make that factor greater than 1, and every extra layer "
    "multiplies it once more: fewer layers, less growth. Glorot and He scale the weights to the "
    "layer's size, so that the factor stays near 1 at any depth.",
    # ⑤ learning rate
    "ex.largest_lr.title": "The largest learning rate for SGD",
    "ex.largest_lr.task": "SGD with learning rate 10 diverges in the first epoch. Find the "
    "largest learning rate in the list at which the loss never rises above its start.",
    "ex.largest_lr.step.1": "Learning rate ≥ 1, the train loss never above its starting value, "
    "and test accuracy ≥ 90 %.",
    "ex.largest_lr.hint.1": "Go down one step at a time (10 → 3 → 1) and watch the first epochs "
    "of the loss curve.",
    "ex.largest_lr.hint.2": "Too large a step jumps across the valley of the loss and lands "
    "higher every time.",
    "ex.largest_lr.predict": "Before you check: what will the train loss do with your learning "
    "rate?",
    "ex.largest_lr.predict.0": "It stays below its starting value from the first epoch on.",
    "ex.largest_lr.predict.1": "It rises above its start at some epoch, then settles.",
    "ex.largest_lr.predict.2": "It blows up: training diverges.",
    "ex.largest_lr.why": "The learning rate is the step length along the gradient. Past a limit "
    "set by the curvature of the loss, each step overshoots the minimum by more than it "
    "corrects, and the loss grows without bound.",
    # ⑤ GD vs SGD
    "ex.gd_sgd.title": "Gradient descent vs. stochastic gradient descent",
    "ex.gd_sgd.task": "Full-batch gradient descent (batch size 0) makes one step per epoch: 100 "
    "epochs, 100 steps. Keep the optimizer and the learning rate, and find out what makes the "
    "difference: the noise of small batches, or the number of steps?",
    "ex.gd_sgd.step.1": "In the same 100 epochs, change only the batch size: final train loss "
    "≤ 0.15.",
    "ex.gd_sgd.step.2": "Load the starting setup again: keep the full batch and change only the "
    "number of epochs, to reach the same train loss ≤ 0.15.",
    "ex.gd_sgd.hint.1": "With 400 training samples and batch size 16, one epoch makes 25 steps.",
    "ex.gd_sgd.hint.2": "Smaller batches give noisier steps, but many more of them.",
    "ex.gd_sgd.hint.3": "Step 2: how many steps did your step-1 run make? Full-batch steps are "
    "exact, so fewer of them may do, but not 100.",
    "ex.gd_sgd.predict": "Before you check step 1: how many weight updates will your run make in "
    "its 100 epochs?",
    "ex.gd_sgd.predict.0": "100 or fewer",
    "ex.gd_sgd.predict.1": "Between 100 and 1000",
    "ex.gd_sgd.predict.2": "More than 1000",
    "ex.gd_sgd.quiz": "Why does SGD get lower in the same number of epochs?",
    "ex.gd_sgd.quiz.0": "Each SGD step is more exact than a full-batch step.",
    "ex.gd_sgd.quiz.1": "SGD raises its learning rate by itself as it goes.",
    "ex.gd_sgd.quiz.2": "It makes many more (noisier) steps per pass over the data.",
    "ex.gd_sgd.quiz.0.why": "The opposite: a mini-batch gradient is a noisy estimate of the "
    "full-batch one.",
    "ex.gd_sgd.quiz.1.why": "Plain SGD keeps the learning rate you set; only the number of steps "
    "per epoch changed.",
    "ex.gd_sgd.quiz.2.why": "With batch 16, one epoch is 25 steps instead of 1. Step 2 shows it: "
    "full-batch gradient descent gets there too, given 1000 steps.",
    "ex.gd_sgd.why": "A mini-batch gradient is a noisy estimate of the full one, but it costs a "
    "fraction of the data: in one epoch SGD moves 25 times while GD moves once. Given 1000 steps "
    "(1000 epochs), full-batch GD reaches a similar loss: here the number of updates, not the "
    "noise, made the difference.",
    # ⑥ circles
    "ex.circles_nodes.title": "How many nodes do the circles need?",
    "ex.circles_nodes.task": "One hidden layer with a single node cannot draw a closed boundary "
    "around the inner circle. Change only the number of nodes.",
    "ex.circles_nodes.step.1": "≥ 95 % test accuracy with one hidden layer of at most 3 nodes.",
    "ex.circles_nodes.hint.1": "Each hidden node adds one straight line to the boundary. How many "
    "lines close a shape?",
    "ex.circles_nodes.hint.2": "The course's rules of thumb suggest 1 to 3 nodes for 2 inputs and "
    "1 output: test them.",
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
    "ex.xor_smallest.why": "XOR is not linearly separable: one straight line cannot split it. "
    "Each hidden node adds a line. Two lines cut out one band, which misses parts of two "
    "quadrants (about 80 % here); three lines come close to the four quadrants.",
    # ⑥⑦ overfitting
    "ex.overfit_l2.title": "Overfit on purpose, then fix it with L2",
    "ex.overfit_l2.task": "100 noisy samples, half of them kept for testing. First make the "
    "network memorize the training data, then rein it in with L2 regularization alone.",
    "ex.overfit_l2.step.1": "Make the diagnosis report overfitting (test loss rising while the "
    "train loss falls).",
    "ex.overfit_l2.step.2": "From that setup, change only L2 regularization: the diagnosis "
    "reports neither overfitting nor underfitting, and the final test loss is lower than before.",
    "ex.overfit_l2.hint.1": "Overfitting needs capacity: many nodes and layers (say 3 × 32) and "
    "enough epochs.",
    "ex.overfit_l2.hint.2": "L2 adds ½·λ·Σ‖W‖² to the cost: large weights cost extra, so the "
    "boundary gets smoother.",
    "ex.overfit_l2.hint.3": "Try λ = 0.01. Far too large a λ flattens the boundary into "
    "underfitting.",
    "ex.overfit_l2.predict": "Before you check step 2: what will L2 do to the network, compared "
    "with step 1?",
    "ex.overfit_l2.predict.0": "Smaller weights and a lower final test loss",
    "ex.overfit_l2.predict.1": "Smaller weights but a higher final test loss",
    "ex.overfit_l2.predict.2": "Weights about as large as before (within 10 %)",
    "ex.overfit_l2.why": "With many more weights than training points, the network can bend its "
    "boundary around every noisy point. The L2 penalty keeps the weights small, which keeps the "
    "boundary simple.",
    # ⑦ spiral
    "ex.spiral_small.title": "The spiral: wider or deeper?",
    "ex.spiral_small.task": "Two interleaved spirals. The starting network (2 layers of 8 nodes, "
    "16 in all) reaches about 82 %. You may spend up to 24 hidden nodes: change only the width "
    "and the depth.",
    "ex.spiral_small.step.1": "≥ 95 % test accuracy with at most 24 hidden nodes in all, in more "
    "layers than the start.",
    "ex.spiral_small.hint.1": "Spend the same budget two ways: 2 layers of 12, or 3 layers of 8.",
    "ex.spiral_small.hint.2": "Each layer can fold the plane once more; a wider layer only adds "
    "lines to the same fold.",
    "ex.spiral_small.hint.3": "4 layers of 6 also fit the budget: compare them too.",
    "ex.spiral_small.why": "A spiral needs a boundary that turns many times. Extra layers compose "
    "the folds of the layers below: with the same 24 nodes, 3 layers of 8 reach about 98 % "
    "where 2 layers of 12 stop near 94 %.",
}
