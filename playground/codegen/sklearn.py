"""The scikit-learn script: the closest MLPClassifier (MLPRegressor for a regression run), on
the .npz's scaled data.

Registry facts it reads: `facts.sklearn` of the activation (MLPClassifier's name, or None), of
the loss (only cross entropy has one) and of the optimizer (its solver: "sgd", "adam" or None).
Each difference from the playground is written as a comment in the script.
"""

from __future__ import annotations

from playground.codegen.common import (
    NPZ_NAME,
    SCRIPT_NAMES,
    comments,
    header,
    hyper,
    load,
    regression,
)
from playground.codegen.inputs import inputs_block
from playground.config import RunConfig
from playground.nn import activations, losses, optimizers

_SOLVERS = ("sgd", "adam")  # MLPClassifier's gradient solvers


def _solver(c: RunConfig, notes: list[str]) -> list[str]:
    cls = type(optimizers.get(c.optimizer))
    h = hyper(c)
    solver = cls.facts.sklearn if cls.facts.sklearn in _SOLVERS else None
    if solver == "sgd":
        if h.get("momentum"):
            notes.append("momentum: scikit-learn's rule is torch's for a constant learning rate.")
        return [
            'solver="sgd"',
            f"momentum={float(h.get('momentum', 0.0))!r}",
            f"nesterovs_momentum={bool(h.get('nesterov', False))}",
            'learning_rate="constant"',
        ]
    b1, b2 = h.get("betas", (0.9, 0.999))
    eps = h.get("eps", 1e-8) if "betas" in h else 1e-8
    if solver is None:
        decoupled = getattr(cls, "decoupled", False)
        notes.append(
            f"optimizer: scikit-learn has sgd and adam only; {c.optimizer} becomes adam"
            + (" without decoupled weight decay." if decoupled else ".")
        )
    notes.append("adam: scikit-learn adds ε to √v before the bias correction (torch after).")
    return ['solver="adam"', f"beta_1={b1!r}", f"beta_2={b2!r}", f"epsilon={eps!r}"]


_IMPORTS = {
    False: "from sklearn.metrics import log_loss\nfrom sklearn.neural_network import MLPClassifier",
    True: "from sklearn.metrics import mean_squared_error\n"
    "from sklearn.neural_network import MLPRegressor",
}
_RESULTS = {
    False: """\
train_loss = log_loss(y_train, clf.predict_proba(X_train))  # cross entropy, no L2 term
test_accuracy = clf.score(X_test, y_test)
print(f"final_train_loss={train_loss!r} final_test_accuracy={test_accuracy!r}")""",
    True: """\
train_loss = mean_squared_error(y_train, clf.predict(X_train))  # the playground's mse, no L2
test_r2 = clf.score(X_test, y_test)  # R² = 1 − SS_res / SS_tot
print(f"final_train_loss={train_loss!r} final_test_r2={test_r2!r}")""",
}


def sklearn_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """The closest scikit-learn MLPClassifier (MLPRegressor for a regression run), on the
    .npz's scaled data; prints accuracy (R²)."""
    c = config
    notes: list[str] = []
    act = activations.get(c.activation)
    name = act.facts.sklearn
    if name is None and c.hidden:
        pieces = "."
        if act.pieces > 1:
            pieces = f" (and {c.activation} has {act.pieces} pieces per unit)."
        notes.append(
            f"activation: scikit-learn has identity, logistic, tanh and relu only, not "
            f"{c.activation}; relu is the nearest, so the model differs{pieces}"
        )
    reg = regression(c)
    model = "MLPRegressor" if reg else "MLPClassifier"
    if reg and c.loss != "mse":
        notes.append(f"loss: MLPRegressor always trains with squared error, not {c.loss}.")
    if not reg and losses.get(c.loss).facts.sklearn != "log_loss":
        notes.append(
            f"loss: MLPClassifier always trains with cross entropy (log-loss), not {c.loss}."
        )
    solver = _solver(c, notes)
    cls = type(optimizers.get(c.optimizer))
    wd = hyper(c).get("weight_decay")
    if wd and not getattr(cls, "decoupled", False):
        notes.append(f"weight_decay {wd!r}: no {model} option, left out.")
    if c.l1:
        notes.append(f"l1 {c.l1!r}: {model} has no L1 penalty, left out.")
    notes.append("initial weights: scikit-learn draws its own (from random_state), not ours.")
    notes.append(
        "alpha: scikit-learn adds alpha/(2·batch)·Σ‖W‖² per batch, the playground "
        "l2/2·Σ‖W‖², so alpha = l2·batch (the same on full batches; a smaller last batch gets "
        "a slightly larger penalty)."
    )
    args = [
        f"hidden_layer_sizes={tuple(c.hidden)!r}",
        f'activation="{name or "relu"}"',
        *solver,
        f"learning_rate_init={c.learning_rate!r}",
        f"alpha={c.l2!r} * batch",
        "batch_size=batch",
        f"max_iter={c.epochs}",
        "tol=0.0",
        f"n_iter_no_change={c.epochs + 1}",
        "shuffle=True",
        f"random_state={c.seed}",
    ]
    clf = "".join(f"    {a},\n" for a in args)
    how = f"python {SCRIPT_NAMES['sklearn']}"
    return f"""{header(c, "scikit-learn", f"the closest {model}.", npz_name, how)}
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
{_IMPORTS[reg]}

{load(npz_name)}{inputs_block(c)}
X_train, y_train = run["X_train"], run["y_train"]  # already scaled
X_test, y_test = run["X_test"], run["y_test"]
n, batch_size = len(X_train), {c.batch_size}
batch = n if batch_size <= 0 or batch_size >= n else batch_size  # 0 = full batch

{comments(notes)}# max_iter = epochs, tol = 0, n_iter_no_change > epochs: no early stop.
# scikit-learn shuffles with its own generator (not the playground's batch order).
clf = {model}(
{clf})
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)  # "max_iter reached" is intended
    clf.fit(X_train, y_train)

{_RESULTS[reg]}
"""
