"""'Equivalent code': a run's model and training as a short PyTorch, Keras or scikit-learn script.

Each script loads the `.npz` file of `export.weights_npz` (scaled data, initial weights, layer
sizes), so it trains on exactly the data the playground used, and prints a parseable last line
`final_train_loss=<float> final_test_accuracy=<float>`.

- PyTorch reproduces the run: same float64 model, initial weights, loss, L2 term, optimizer
  hyper-parameters and batch order; its final train loss matches the playground's to ~1e-6.
- Keras (3, TensorFlow ≥ 2.16) builds the same model from the same initial weights; `model.fit`
  shuffles with its own generator and Keras places ε differently, so numbers differ slightly.
- scikit-learn's MLPClassifier is the closest built-in: fewer activations, only cross entropy,
  only SGD/Adam, its own initial weights. Each difference is written as a comment in the script.
Options a framework lacks become valid code with a comment, never invalid code.
"""

from __future__ import annotations

import json
import textwrap

from playground.config import RunConfig
from playground.nn import optimizers

NPZ_NAME = "playground_run.npz"

TORCH_ACTIVATIONS = {
    "linear": "nn.Identity()",
    "sigmoid": "nn.Sigmoid()",
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "leaky_relu": "nn.LeakyReLU(0.1)",
    "elu": "nn.ELU(alpha=1.0)",
    "maxout": "Maxout()",
    "selu": "nn.SELU()",
    "gelu": 'nn.GELU(approximate="tanh")',
    "swish": "nn.SiLU()",
    "softplus": "nn.Softplus()",
}
# Keras: the Dense activation argument (leaky_relu, maxout and gelu: see _KERAS_HIDDEN).
KERAS_ACTIVATIONS = {
    "linear": '"linear"',
    "sigmoid": '"sigmoid"',
    "tanh": '"tanh"',
    "relu": '"relu"',
    "elu": '"elu"',  # alpha = 1
    "selu": '"selu"',
    "swish": '"silu"',
    "softplus": '"softplus"',
}
SKLEARN_ACTIVATIONS = {"linear": "identity", "sigmoid": "logistic", "tanh": "tanh", "relu": "relu"}

_TORCH_OPT = {
    "sgd": "SGD",
    "momentum": "SGD",
    "nesterov": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
    "adamw": "AdamW",
}


def _setup_line(c: RunConfig) -> str:
    batch = "full batch" if c.batch_size == 0 else f"batch {c.batch_size}"
    return (
        f"{c.dataset}, scaler {c.scaler}, hidden {list(c.hidden)}, {c.activation}, "
        f"{c.initializer} ×{c.init_scale:g},\n{c.loss}, {c.optimizer} lr {c.learning_rate!r}, "
        f"{batch}, {c.epochs} epochs, L2 {c.l2!r}, seed {c.seed}."
    )


def _docstring_safe(text: str) -> str:
    """Text that cannot end or escape a generated docstring (e.g. an odd CSV file name)."""
    return text.replace("\\", "/").replace('"', "'")


def _header(c: RunConfig, framework: str, what: str, npz_name: str, script: str) -> str:
    body = (
        f"Tuning Playground run in {framework}: {what}\n\n"
        f"Setup: {_setup_line(c)}\n"
        f"Run it next to the downloaded {npz_name}:  python {script}\n"
    )
    return f'"""{_docstring_safe(body)}"""\n'


def _load(npz_name: str) -> str:
    """`run = np.load("<npz_name>")` with the name as a valid string literal."""
    return f"run = np.load({json.dumps(npz_name)})"


def torch_optimizer_kwargs(config: RunConfig) -> dict[str, object]:
    """The torch.optim keyword arguments of the config's optimizer (defaults written out)."""
    h = {**optimizers.DEFAULTS[config.optimizer], **config.optimizer_hyper()}
    keep = {
        "sgd": ("momentum", "nesterov", "weight_decay"),
        "momentum": ("momentum", "nesterov", "weight_decay"),
        "nesterov": ("momentum", "nesterov", "weight_decay"),
        "adagrad": ("eps", "weight_decay"),
        "rmsprop": ("alpha", "eps", "weight_decay"),
        "adam": ("betas", "eps", "weight_decay"),
        "adamw": ("betas", "eps", "weight_decay"),
    }[config.optimizer]
    kwargs = {"lr": config.learning_rate}
    for k in keep:
        if k in ("momentum", "nesterov") and not h[k]:
            continue  # plain SGD: no momentum buffer
        kwargs[k] = tuple(h[k]) if k == "betas" else h[k]
    return kwargs


def _call(lhs: str, func: str, args: list[str], indent: str = "") -> str:
    """`lhs = func(args)` on one line if it fits in 99 columns, else wrapped as ruff would."""
    one = f"{indent}{lhs}{func}({', '.join(args)})"
    if len(one) <= 99:
        return one
    inner = f"{indent}    {', '.join(args)}"
    if len(inner) <= 99:
        return f"{indent}{lhs}{func}(\n{inner}\n{indent})"
    lines = "".join(f"{indent}    {a},\n" for a in args)
    return f"{indent}{lhs}{func}(\n{lines}{indent})"


def _comments(lines: list[str]) -> str:
    """Comment lines, wrapped at 99 columns."""
    out = []
    for line in lines:
        out += textwrap.wrap(line, 97, initial_indent="# ", subsequent_indent="#   ")
    return "".join(f"{o}\n" for o in out)


# ---- PyTorch --------------------------------------------------------------------------------
_TORCH_LOSSES = {
    "cross_entropy": """\
def data_loss(z, y):  # cross entropy from the logits, mean over samples
    if binary:  # BCEWithLogitsLoss
        return F.binary_cross_entropy_with_logits(z[:, 0], y.double())
    return F.cross_entropy(z, y)  # CrossEntropyLoss""",
    "mse": """\
def data_loss(z, y):  # MSELoss on the sigmoid/softmax output vs the one-hot target
    if binary:
        return F.mse_loss(torch.sigmoid(z[:, 0]), y.double())
    return F.mse_loss(torch.softmax(z, dim=1), F.one_hot(y, sizes[-1]).double())""",
    "hinge": """\
def data_loss(z, y):  # hinge on the logits
    if binary:  # mean max(0, 1 − s·z) with s = ±1
        return torch.clamp(1.0 - (2.0 * y - 1.0) * z[:, 0], min=0.0).mean()
    return F.multi_margin_loss(z, y)  # MultiMarginLoss: Σ_{j≠y} max(0, 1 − z_y + z_j) / K""",
}

_TORCH_MAXOUT = '''

class Maxout(nn.Module):
    """max of k = 2 linear pieces per unit; unit j uses columns 2j and 2j+1."""

    def forward(self, z):
        return z.view(z.shape[0], -1, 2).max(dim=2).values

'''


def pytorch_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """A PyTorch script that redoes the run exactly (float64, same batches) from the .npz."""
    c = config
    act = TORCH_ACTIVATIONS[c.activation]
    pieces = "2 * fan_out" if c.activation == "maxout" else "fan_out"
    kwargs = torch_optimizer_kwargs(c)
    args = ["model.parameters()", *(f"{k}={v!r}" for k, v in kwargs.items())]
    opt = _call("optimizer = ", f"torch.optim.{_TORCH_OPT[c.optimizer]}", args)
    notes = []
    if c.optimizer != "adamw" and kwargs.get("weight_decay"):
        notes.append("weight_decay: torch adds wd·p to every gradient (biases too).")
    if c.optimizer == "adamw":
        notes.append("AdamW: p ← p − lr·wd·p (decoupled, biases too), then the Adam step.")
    maxout = _TORCH_MAXOUT if c.activation == "maxout" else "\n"
    what = "same data, initial weights, batches and updates."
    header = _header(c, "PyTorch", what, npz_name, "playground_pytorch.py")
    return f"""{header}
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # the playground computes in float64
{_load(npz_name)}
X_train, X_test = torch.from_numpy(run["X_train"]), torch.from_numpy(run["X_test"])  # scaled
y_train, y_test = torch.from_numpy(run["y_train"]), torch.from_numpy(run["y_test"])  # labels
sizes = [int(s) for s in run["sizes"]]  # [inputs, hidden widths..., outputs]
binary = sizes[-1] == 1  # 1 sigmoid output unit, else K softmax units
L2 = {c.l2!r}  # the training loss adds 0.5 · L2 · Σ‖W‖² (weights only, not biases)
{maxout}
# The model: Linear layers with {c.activation} between them; the last layer gives the logits.
layers = []
for fan_in, fan_out in zip(sizes[:-2], sizes[1:-1]):
    layers += [nn.Linear(fan_in, {pieces}), {act}]
layers.append(nn.Linear(sizes[-2], sizes[-1]))
model = nn.Sequential(*layers)
linears = [m for m in model if isinstance(m, nn.Linear)]

# Start from the playground's initial weights: ours are (fan_in, fan_out), torch's (out, in).
with torch.no_grad():
    for l, layer in enumerate(linears, start=1):
        layer.weight.copy_(torch.from_numpy(run[f"init_W{{l}}"].T))
        layer.bias.copy_(torch.from_numpy(run[f"init_b{{l}}"]))

# torch.optim with the playground's hyper-parameters (its defaults are torch's).
{_comments(notes)}{opt}


{_TORCH_LOSSES[c.loss]}


def evaluate(X, y):  # data loss (without the L2 term) and accuracy on a whole split
    with torch.no_grad():
        z = model(X)
        pred = (torch.sigmoid(z[:, 0]) > 0.5).long() if binary else z.argmax(dim=1)
        return data_loss(z, y).item(), (pred == y).double().mean().item()


# The playground's batch order: its shuffle generator, one permutation per epoch.
rng = np.random.default_rng(np.random.SeedSequence({c.seed}).spawn(2)[1])
n, batch_size, epochs = len(X_train), {c.batch_size}, {c.epochs}
for epoch in range(1, epochs + 1):
    if batch_size <= 0 or batch_size >= n:
        batches = [np.arange(n)]  # full batch: one step per epoch, no shuffling
    else:
        perm = rng.permutation(n)
        batches = [perm[s : s + batch_size] for s in range(0, n, batch_size)]
    for idx in batches:
        idx = torch.from_numpy(idx)
        penalty = 0.5 * L2 * sum((m.weight**2).sum() for m in linears)
        loss = data_loss(model(X_train[idx]), y_train[idx]) + penalty
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch % max(1, epochs // 10) == 0:
        print(f"epoch {{epoch}}: train loss {{evaluate(X_train, y_train)[0]:.6f}}")

train_loss, _ = evaluate(X_train, y_train)
_, test_accuracy = evaluate(X_test, y_test)
print(f"final_train_loss={{train_loss!r}} final_test_accuracy={{test_accuracy!r}}")
"""


# ---- Keras ----------------------------------------------------------------------------------
def _keras_optimizer(c: RunConfig) -> tuple[str, list[str], list[str]]:
    """(class name, keyword arguments, comment lines) of the closest keras.optimizers setup."""
    h = {**optimizers.DEFAULTS[c.optimizer], **c.optimizer_hyper()}
    args = [f"learning_rate={c.learning_rate!r}"]
    notes: list[str] = []
    if c.optimizer in ("sgd", "momentum", "nesterov"):
        name = "SGD"
        if h["momentum"]:
            args += [f"momentum={h['momentum']!r}", f"nesterov={bool(h['nesterov'])}"]
            notes.append("Keras' SGD momentum is torch's rule for a constant learning rate.")
    elif c.optimizer == "adagrad":
        name = "Adagrad"
        args += ["initial_accumulator_value=0.0", f"epsilon={h['eps']!r}"]
        notes.append("Keras adds ε inside the square root (torch outside): numbers differ a bit.")
    elif c.optimizer == "rmsprop":
        name = "RMSprop"
        args += [f"rho={h['alpha']!r}", f"epsilon={h['eps']!r}"]
        notes.append("Keras adds ε inside the square root (torch outside): numbers differ a bit.")
    else:
        name = "AdamW" if c.optimizer == "adamw" else "Adam"
        b1, b2 = h["betas"]
        if c.optimizer == "adamw":
            args.append(f"weight_decay={h['weight_decay']!r}")  # decoupled, as torch's AdamW
        args += [f"beta_1={b1!r}", f"beta_2={b2!r}", f"epsilon={h['eps']!r}"]
        notes.append(
            "Keras adds ε to √v before the bias correction (torch after): numbers differ a bit."
        )
    if c.optimizer != "adamw" and h.get("weight_decay"):
        notes.append(
            "torch's weight_decay adds wd·p to every gradient, i.e. an L2 term 0.5·wd·‖p‖² on "
            "weights and biases: the regularizers above carry it (Keras' weight_decay would be "
            "decoupled)."
        )
    return name, args, notes


_KERAS_LOSSES = {
    "cross_entropy": (
        "keras.losses.BinaryCrossentropy(from_logits=True)",
        "keras.losses.SparseCategoricalCrossentropy(from_logits=True)",
    ),
    "mse": ("keras.losses.MeanSquaredError()", "keras.losses.MeanSquaredError()"),
    "hinge": ("keras.losses.Hinge()", "multi_margin"),  # Hinge maps labels 0/1 to -1/+1
}

_KERAS_MULTI_MARGIN = '''

def multi_margin(Y, z):
    """torch's MultiMarginLoss: Σ_{j≠y} max(0, 1 − z_y + z_j) / K (Y one-hot)."""
    z_y = keras.ops.sum(Y * z, axis=1, keepdims=True)
    return keras.ops.sum(keras.ops.relu(1.0 - z_y + z) * (1.0 - Y), axis=1) / sizes[-1]

'''

_KERAS_HIDDEN = {
    "maxout": """\
    # maxout: 2 linear pieces per unit (columns 2j, 2j+1), keep the larger one
    model.add(layers.Dense(2 * width, **reg))
    model.add(layers.Reshape((width, 2)))
    model.add(layers.Lambda(lambda t: keras.ops.max(t, axis=-1)))""",
    "leaky_relu": """\
    model.add(layers.Dense(width, **reg))
    model.add(layers.LeakyReLU(negative_slope=0.1))  # Keras 2 spelled it alpha=0.1""",
    "gelu": """\
    # torch GELU(approximate="tanh"); Keras' "gelu" string is the exact (erf) one
    model.add(layers.Dense(width, activation=gelu_tanh, **reg))""",
}


def keras_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """A Keras 3 script: same model and initial weights, the closest optimizer, model.fit."""
    c = config
    h = {**optimizers.DEFAULTS[c.optimizer], **c.optimizer_hyper()}
    wd = float(h.get("weight_decay", 0.0)) if c.optimizer != "adamw" else 0.0
    opt_name, opt_args, opt_notes = _keras_optimizer(c)
    opt = _call("optimizer = ", f"keras.optimizers.{opt_name}", opt_args)
    binary_loss, multi_loss = _KERAS_LOSSES[c.loss]
    hidden = _KERAS_HIDDEN.get(c.activation) or (
        f"    model.add(layers.Dense(width, activation={KERAS_ACTIVATIONS[c.activation]}, **reg))"
    )
    gelu = ""
    if c.activation == "gelu":
        gelu = "\n\n\ndef gelu_tanh(z):\n    return keras.activations.gelu(z, approximate=True)\n\n"
    if c.loss == "mse":
        out_act, threshold = '"sigmoid" if binary else "softmax"', "0.5"
        out_note = "the output layer: MSE is on the activated output"
    else:
        out_act, out_note, threshold = '"linear"', "the output layer gives the logits", "0.0"
    one_hot = c.loss in ("mse", "hinge")
    multi_targets = "np.eye(sizes[-1])[y]" if one_hot else "y"
    target_note = "K classes: one-hot" if one_hot else "K classes: the labels"
    margin = _KERAS_MULTI_MARGIN if c.loss == "hinge" else "\n"
    loss_line = f"loss = {binary_loss} if binary else {multi_loss}"
    if len(loss_line) > 99:
        loss_line = f"loss = (\n    {binary_loss}\n    if binary\n    else {multi_loss}\n)"
    what = "same model and initial weights, trained with model.fit."
    header = _header(c, "Keras", what, npz_name, "playground_keras.py")
    return f"""{header}
import numpy as np
from tensorflow import keras  # Keras 3 (TensorFlow ≥ 2.16)

layers = keras.layers
keras.config.set_floatx("float64")  # the playground computes in float64
keras.utils.set_random_seed({c.seed})
{_load(npz_name)}
X_train, y_train = run["X_train"], run["y_train"]  # already scaled
X_test, y_test = run["X_test"], run["y_test"]
sizes = [int(s) for s in run["sizes"]]  # [inputs, hidden widths..., outputs]
binary = sizes[-1] == 1  # 1 sigmoid output unit, else K softmax units

# The playground adds 0.5 · L2 · Σ‖W‖² to the loss; Keras' L2(c) adds c · Σ‖W‖².
L2, WEIGHT_DECAY = {c.l2!r}, {wd!r}
reg = {{
    "kernel_regularizer": keras.regularizers.L2(0.5 * (L2 + WEIGHT_DECAY)),
    "bias_regularizer": keras.regularizers.L2(0.5 * WEIGHT_DECAY),
}}{gelu or chr(10)}
model = keras.Sequential([keras.Input(shape=(sizes[0],))])
for width in sizes[1:-1]:
{hidden}
# {out_note}
model.add(layers.Dense(sizes[-1], activation={out_act}, **reg))

# Start from the playground's initial weights (Keras' Dense kernel is (fan_in, fan_out), as ours).
init = [(run[f"init_W{{l}}"], run[f"init_b{{l}}"]) for l in range(1, len(sizes))]
model.set_weights([w for pair in init for w in pair])
{margin}
{loss_line}
{_comments(opt_notes)}{opt}
model.compile(optimizer=optimizer, loss=loss)


def targets(y):  # binary: a float column; {target_note}
    return y[:, None].astype("float64") if binary else {multi_targets}


# Keras shuffles with its own generator, so the batches (and numbers) differ from the
# playground's; the PyTorch script replays the exact batch order.
n, batch_size = len(X_train), {c.batch_size}
full = batch_size <= 0 or batch_size >= n  # full batch: one step per epoch
model.fit(
    X_train,
    targets(y_train),
    batch_size=n if full else batch_size,
    epochs={c.epochs},
    shuffle=not full,
    verbose=0,
)

z = model.predict(X_test, verbose=0)
pred = (z[:, 0] > {threshold}).astype(int) if binary else z.argmax(axis=1)
train_loss = float(np.mean(loss(targets(y_train), model(X_train))))  # without the L2 term
test_accuracy = float(np.mean(pred == y_test))
print(f"final_train_loss={{train_loss!r}} final_test_accuracy={{test_accuracy!r}}")
"""


# ---- scikit-learn ---------------------------------------------------------------------------
def sklearn_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """The closest scikit-learn MLPClassifier, on the .npz's scaled data; prints accuracy."""
    c = config
    notes: list[str] = []
    act = SKLEARN_ACTIVATIONS.get(c.activation)
    if act is None and c.hidden:
        notes.append(
            f"activation: scikit-learn has identity, logistic, tanh and relu only, not "
            f"{c.activation}; relu is the nearest, so the model differs"
            + (" (and maxout has 2 pieces per unit)." if c.activation == "maxout" else ".")
        )
    if c.loss != "cross_entropy":
        notes.append(
            f"loss: MLPClassifier always trains with cross entropy (log-loss), not {c.loss}."
        )
    h = {**optimizers.DEFAULTS[c.optimizer], **c.optimizer_hyper()}
    if c.optimizer in ("sgd", "momentum", "nesterov"):
        solver = [
            'solver="sgd"',
            f"momentum={float(h['momentum'])!r}",
            f"nesterovs_momentum={bool(h['nesterov'])}",
            'learning_rate="constant"',
        ]
        if h["momentum"]:
            notes.append("momentum: scikit-learn's rule is torch's for a constant learning rate.")
    else:
        b1, b2 = h.get("betas", (0.9, 0.999))
        eps = h["eps"] if c.optimizer in ("adam", "adamw") else 1e-8
        solver = ['solver="adam"', f"beta_1={b1!r}", f"beta_2={b2!r}", f"epsilon={eps!r}"]
        if c.optimizer != "adam":
            notes.append(
                f"optimizer: scikit-learn has sgd and adam only; {c.optimizer} becomes adam"
                + (" without decoupled weight decay." if c.optimizer == "adamw" else ".")
            )
        notes.append("adam: scikit-learn adds ε to √v before the bias correction (torch after).")
    if c.optimizer != "adamw" and h.get("weight_decay"):
        notes.append(f"weight_decay {h['weight_decay']!r}: no MLPClassifier option, left out.")
    notes.append("initial weights: scikit-learn draws its own (from random_state), not ours.")
    notes.append(
        "alpha: scikit-learn adds alpha/(2·batch)·Σ‖W‖² per batch, the playground "
        "l2/2·Σ‖W‖², so alpha = l2·batch (the same on full batches; a smaller last batch gets "
        "a slightly larger penalty)."
    )
    args = [
        f"hidden_layer_sizes={tuple(c.hidden)!r}",
        f'activation="{act or "relu"}"',
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
    header = _header(
        c, "scikit-learn", "the closest MLPClassifier.", npz_name, "playground_sklearn.py"
    )
    return f"""{header}
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.metrics import log_loss
from sklearn.neural_network import MLPClassifier

{_load(npz_name)}
X_train, y_train = run["X_train"], run["y_train"]  # already scaled
X_test, y_test = run["X_test"], run["y_test"]
n, batch_size = len(X_train), {c.batch_size}
batch = n if batch_size <= 0 or batch_size >= n else batch_size  # 0 = full batch

{_comments(notes)}# max_iter = epochs, tol = 0, n_iter_no_change > epochs: no early stop.
# scikit-learn shuffles with its own generator (not the playground's batch order).
clf = MLPClassifier(
{clf})
with warnings.catch_warnings():
    warnings.simplefilter("ignore", ConvergenceWarning)  # "max_iter reached" is intended
    clf.fit(X_train, y_train)

train_loss = log_loss(y_train, clf.predict_proba(X_train))  # cross entropy, no L2 term
test_accuracy = clf.score(X_test, y_test)
print(f"final_train_loss={{train_loss!r}} final_test_accuracy={{test_accuracy!r}}")
"""
