"""The Keras 3 script (any backend; no TensorFlow needed with KERAS_BACKEND=torch or jax): the
same float64 model, initial weights, batch order (model.fit on each epoch's batches in the
playground's order, shuffle=False) and optimizer as the playground.

Registry facts it reads: `facts.keras` (an activation expression, the keras.optimizers class, a
loss's built-in equivalent), `facts.code["keras"]` (a loss's `data_loss(Y, z)` written with
float64 sums) and `["keras_hidden"]` (an activation's own hidden layers, e.g. maxout).

What the script works around, and what it cannot match (each said in the script where it
applies; tests/unit/test_codegen_keras.py asserts the sizes):
- Keras' type promotion maps float64 to float32 on every backend but TensorFlow
  (keras.backend.result_type; keras-team/keras#23704), so Dense's matmul, keras.ops.mean and the
  built-in losses compute in float32 there. The script uses EinsumDense (the same x·W + b in
  float64) and writes the losses as float64 sums; with that, SGD, momentum and Nesterov (Keras'
  rule is torch's for a constant learning rate) end at our final train loss to ≤ 4e-16.
- Adam, AdamW: Keras adds ε to √v before the bias correction, torch after, i.e. Keras acts as
  torch with ε/√(1−β₂ᵗ) (31.6·ε at step 1 for β₂ = 0.999); no constant ε makes them equal.
- Adagrad, RMSprop: Keras adds ε inside the square root; √(v + ε²) is torch's √v + ε only up
  to ε/√v relative.
  Measured final train loss, Keras vs ours (relative): 6 epochs ≤ 7e-5 (maxout, whose max
  switches pieces, amplifies most; tanh-like ≤ 3e-6); the app's default 100-epoch run: Adagrad
  7e-11, RMSprop 1e-8, AdamW 1e-7, Adam 1e-6, Adam with maxout 2e-5. With ε = 0 all four are
  exact (≤ 5e-16), so ε's placement is the whole difference.
"""

from __future__ import annotations

from playground.codegen.common import (
    NPZ_NAME,
    SCRIPT_NAMES,
    batch_loop,
    call,
    comments,
    header,
    hyper,
    init_note,
    load,
    loss_code,
    regression,
)
from playground.codegen.inputs import inputs_block
from playground.config import RunConfig
from playground.nn import activations, initializers, losses, optimizers

# torch.optim keyword → keras.optimizers keyword (the frameworks' names, not the registry's)
_KERAS_ARG = {
    "momentum": "momentum",
    "nesterov": "nesterov",
    "alpha": "rho",
    "centered": "centered",
    "amsgrad": "amsgrad",
    "initial_accumulator_value": "initial_accumulator_value",
}
_KERAS_DEFAULT_DIFFERS = ("initial_accumulator_value",)  # Keras' default 0.1, torch's 0
_EPS_INSIDE_SQRT = ("Adagrad", "RMSprop", "Adadelta")  # Keras classes: g / √(v + ε)
_EPS_BEFORE_CORRECTION = ("Adam", "AdamW", "Adamax", "Nadam")  # m̂ / (√v + ε) · √(1 − β₂ᵗ)


def _optimizer(c: RunConfig) -> tuple[str, float]:
    """(the `optimizer = keras.optimizers...` line(s) with its comments, the coupled weight
    decay that the regularizers carry). Written out: the UI's hyper-parameters, and the others
    where they are not 0 / False (torch's defaults, Keras' too) or Keras' default differs."""
    cls = type(optimizers.get(c.optimizer))
    name, ui = cls.facts.keras, {hp.torch for hp in cls.facts.hyper}
    args = [f"learning_rate={c.learning_rate!r}"]
    notes: list[str] = []
    coupled = 0.0
    for key, value in hyper(c).items() if name else ():
        if not (key in ui or value or key in _KERAS_DEFAULT_DIFFERS):
            continue
        if key == "betas":
            args += [f"beta_1={value[0]!r}", f"beta_2={value[1]!r}"]
        elif key == "eps":
            args.append(
                f"epsilon={value!r}**2" if name in _EPS_INSIDE_SQRT else f"epsilon={value!r}"
            )
        elif key == "weight_decay" and getattr(cls, "decoupled", False):
            args.append(f"weight_decay={value!r}")  # decoupled, as torch's
        elif key == "weight_decay":
            coupled = float(value)
        elif key in _KERAS_ARG:
            args.append(f"{_KERAS_ARG[key]}={value!r}")
        elif value:
            notes.append(f"Keras' {name} has no {key} (here {value!r}): left out, numbers differ.")
    if name is None:
        notes.append(f"Keras has no {c.optimizer} optimizer: plain SGD stands in, numbers differ.")
    elif name in _EPS_INSIDE_SQRT and hyper(c).get("eps"):
        notes.append(
            "Keras adds ε inside the square root: √(v + ε²) is torch's √v + ε only where "
            "ε ≪ √v, so the numbers differ slightly."
        )
    elif name in _EPS_BEFORE_CORRECTION and hyper(c).get("eps"):
        notes.append(
            "Keras adds ε to √v before the bias correction, torch after: Keras acts as torch with "
            "ε/√(1−β₂ᵗ) (larger in the first steps), so the numbers differ slightly."
        )
    if coupled:
        notes.append(
            "torch's weight_decay adds wd·p to every gradient, i.e. an L2 term 0.5·wd·‖p‖² on "
            "weights and biases: the regularizers above carry it (Keras' weight_decay is "
            "decoupled)."
        )
    line = call("optimizer = ", f"keras.optimizers.{name or 'SGD'}", args)
    return comments(notes) + line, coupled


def exact(config: RunConfig) -> bool:
    """Whether the Keras script redoes the run exactly, as the PyTorch script does: Keras code
    for the activation and the loss, and an optimizer class whose rule is torch's (ε = 0 where
    Keras adds ε elsewhere, no hyper-parameter left out). Otherwise the script says why not."""
    cls = type(optimizers.get(config.optimizer))
    name, h = cls.facts.keras, hyper(config)
    act = activations.get(config.activation).facts
    handled = {"betas", "eps", "weight_decay", *_KERAS_ARG}
    return (
        name is not None
        and (act.keras is not None or "keras_hidden" in act.code)
        and "keras" in losses.get(config.loss).facts.code
        and not (h.get("eps") and name in _EPS_INSIDE_SQRT + _EPS_BEFORE_CORRECTION)
        and not any(value for key, value in h.items() if key not in handled)
    )


def _hidden(c: RunConfig) -> tuple[str, str]:
    """(the line defining `activation`, the loop body adding one hidden layer)."""
    facts = activations.get(c.activation).facts
    if "keras_hidden" in facts.code:
        return "", facts.code["keras_hidden"]
    body = "    model.add(dense(width, activation))"
    expr, note = facts.keras, f"hidden layers: {c.activation}"
    if expr is None:
        expr, note = '"linear"', f"Keras has no {c.activation}: linear stands in"
    if expr.startswith("lambda"):
        return f"# {note}\nactivation = {expr}  # noqa: E731\n", body
    return f"activation = {expr}  # {note}\n", body


def _loss(c: RunConfig) -> str:
    facts = losses.get(c.loss).facts
    if code := loss_code(c, "keras"):
        return code
    if facts.keras is None:
        return (
            f"def data_loss(Y, z):  # Keras has no {c.loss} loss: write it here\n"
            f'    raise NotImplementedError("{c.loss}")'
        )
    return (
        f"keras_loss = {facts.keras}  # the playground's {c.loss} (averages in float32)\n\n\n"
        "def data_loss(Y, z):  # check that it takes (targets, logits) as here\n"
        "    return keras_loss(Y, z)"
    )


_EVAL = """\
def evaluate(X, y):  # data loss (without the L2 term) and accuracy on a whole split
    z = model(X)
    value = float(ops.convert_to_numpy(data_loss(ops.convert_to_tensor(targets(y)), z)))
    z = ops.convert_to_numpy(z)
    pred = (z[:, 0] > 0.0).astype(int) if binary else z.argmax(axis=1)
    return value, float(np.mean(pred == y))"""
_EVAL_R2 = """\
def evaluate(X, y):  # data loss (without the L2 term) and R² = 1 − SS_res / SS_tot
    z = model(X)
    value = float(ops.convert_to_numpy(data_loss(ops.convert_to_tensor(targets(y)), z)))
    z = ops.convert_to_numpy(z)[:, 0]
    return value, float(1.0 - np.sum((z - y) ** 2) / np.sum((y - y.mean()) ** 2))"""


def keras_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """A Keras 3 script: same model, initial weights, batches and updates, on any backend."""
    c = config
    opt, wd = _optimizer(c)
    define, hidden = _hidden(c)
    init = init_note(c, initializers.get(c.initializer).facts, "keras")
    what = "same model, initial weights, batches and updates."
    how = f"KERAS_BACKEND=torch python {SCRIPT_NAMES['keras']}"
    kernel = "keras.regularizers.L2(0.5 * (L2 + WEIGHT_DECAY))"
    l1 = ""
    if c.l1:  # L1L2(l1, l2) adds l1 · Σ|W| + l2 · Σ‖W‖²
        kernel = "keras.regularizers.L1L2(l1=L1, l2=0.5 * (L2 + WEIGHT_DECAY))"
        l1 = f"L1 = {c.l1!r}  # the playground adds L1 · Σ|W| (weights only), as L1L2(l1=L1)\n"
    body = """\
    idx = np.concatenate(batches)  # one step per batch, in this order (no shuffling)
    model.fit(X_train[idx], Y_train[idx], batch_size=len(batches[0]), shuffle=False, verbose=0)"""
    return f"""{header(c, "Keras", what, npz_name, how)}
import keras  # Keras 3, any KERAS_BACKEND: tensorflow, torch, jax (float64: JAX_ENABLE_X64=1)
import numpy as np

ops, layers = keras.ops, keras.layers
keras.config.set_floatx("float64")  # the playground computes in float64
{load(npz_name)}{inputs_block(c)}
X_train, y_train = run["X_train"], run["y_train"]  # already scaled
X_test, y_test = run["X_test"], run["y_test"]
sizes = [int(s) for s in run["sizes"]]  # [inputs, hidden widths..., outputs]
binary = sizes[-1] == 1  # 1 sigmoid output unit, else K softmax units

# The playground adds 0.5 · L2 · Σ‖W‖² to the loss; Keras' L2(c) adds c · Σ‖W‖².
L2, WEIGHT_DECAY = {c.l2!r}, {wd!r}
{l1}reg = {{
    "kernel_regularizer": {kernel},
    "bias_regularizer": keras.regularizers.L2(0.5 * WEIGHT_DECAY),
}}


def dense(width, activation=None):  # = layers.Dense(width, activation, **reg), x·W + b
    # Keras' Dense multiplies in float32 on every backend but TensorFlow (its result_type maps
    # float64 to float32; keras-team/keras#23704); EinsumDense keeps float64.
    return layers.EinsumDense("ab,bc->ac", width, bias_axes="c", activation=activation, **reg)


{define}model = keras.Sequential([keras.Input(shape=(sizes[0],))])
for width in sizes[1:-1]:
{hidden}
model.add(dense(sizes[-1]))  # the logits; data_loss applies sigmoid/softmax

# Start from the playground's initial weights (Keras' Dense kernel is (fan_in, fan_out), as ours).
{comments(init)}init = [(run[f"init_W{{i}}"], run[f"init_b{{i}}"]) for i in range(1, len(sizes))]
model.set_weights([w for pair in init for w in pair])


def mean(v):  # keras.ops.mean and Keras' losses average in float32 except on TensorFlow
    return ops.sum(v) / ops.cast(ops.size(v), v.dtype)


{_loss(c)}


def targets(y):  # binary: a float column; K classes: one-hot rows
    return y[:, None].astype("float64") if binary else np.eye(sizes[-1])[y]


{_EVAL_R2 if regression(c) else _EVAL}


{opt}
model.compile(optimizer=optimizer, loss=data_loss)
Y_train = targets(y_train)

{batch_loop(c, body)}"""
