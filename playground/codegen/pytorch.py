"""The PyTorch script: the same float64 model, initial weights, loss, L2 term, optimizer and batch
order as the playground, so its final train loss matches the playground's to ~1e-12.

Everything named here comes from the registry entries' facts: `facts.torch` (the module, loss or
torch.optim class), `facts.code["torch"]` (a loss's `data_loss(z, y)`), `["torch_layer"]` (an
activation's own nn.Module class), `["torch_fixed"]` (optimizer keywords the UI does not set).
"""

from __future__ import annotations

from playground.codegen.common import (
    NPZ_NAME,
    SCRIPT_NAMES,
    batch_loop,
    call,
    comments,
    fixed_kwargs,
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


def torch_optimizer_kwargs(config: RunConfig) -> dict[str, object]:
    """The torch.optim keyword arguments of the config's optimizer: lr, the hyper-parameters its
    facts list (the UI's, defaults written out) and its fixed ones (facts.code["torch_fixed"])."""
    cls = type(optimizers.get(config.optimizer))
    h = hyper(config)
    kwargs: dict[str, object] = {"lr": config.learning_rate}
    for hp in cls.facts.hyper:
        value = h[hp.torch]
        kwargs[hp.torch] = tuple(value) if isinstance(value, list | tuple) else value
    kwargs.update(fixed_kwargs(cls.facts.code.get("torch_fixed")))
    return kwargs


def _optimizer(c: RunConfig) -> tuple[str, list[str]]:
    """(the `optimizer = torch.optim...` line(s), comment lines)."""
    cls = type(optimizers.get(c.optimizer))
    kwargs = torch_optimizer_kwargs(c)
    notes = []
    decoupled = getattr(cls, "decoupled", False)
    if kwargs.get("weight_decay"):
        notes.append(
            f"{cls.facts.torch}: p ← p − lr·wd·p (decoupled, biases too), then the step."
            if decoupled
            else "weight_decay: torch adds wd·p to every gradient (biases too)."
        )
    if cls.facts.torch is None:
        notes.append(f"PyTorch has no {c.optimizer} optimizer: plain SGD stands in.")
        kwargs = {"lr": c.learning_rate}
    args = ["model.parameters()", *(f"{k}={v!r}" for k, v in kwargs.items())]
    return call("optimizer = ", f"torch.optim.{cls.facts.torch or 'SGD'}", args), notes


def _loss(c: RunConfig) -> str:
    facts = losses.get(c.loss).facts
    if code := loss_code(c, "torch"):
        return code
    if facts.torch is None:
        return (
            f"def data_loss(z, y):  # PyTorch has no {c.loss} loss: write it here\n"
            f'    raise NotImplementedError("{c.loss}")'
        )
    return (
        f"criterion = {facts.torch}  # the playground's {c.loss}\n\n\n"
        "def data_loss(z, y):  # check that the criterion takes (logits, labels) as here\n"
        "    return criterion(z[:, 0] if binary else z, y.double() if binary else y)"
    )


_EVAL = """\
def evaluate(X, y):  # data loss (without the L2 term) and accuracy on a whole split
    with torch.no_grad():
        z = model(X)
        pred = (torch.sigmoid(z[:, 0]) > 0.5).long() if binary else z.argmax(dim=1)
        return data_loss(z, y).item(), (pred == y).double().mean().item()"""
_EVAL_R2 = """\
def evaluate(X, y):  # data loss (without the L2 term) and R² = 1 − SS_res / SS_tot
    with torch.no_grad():
        z = model(X)
        ss_res, ss_tot = ((z[:, 0] - y) ** 2).sum(), ((y - y.mean()) ** 2).sum()
        return data_loss(z, y).item(), (1.0 - ss_res / ss_tot).item()"""


def pytorch_script(config: RunConfig, npz_name: str = NPZ_NAME) -> str:
    """A PyTorch script that redoes the run exactly (float64, same batches) from the .npz."""
    c = config
    act = activations.get(c.activation)
    module = act.facts.torch or "nn.Identity()"
    act_note = "" if act.facts.torch else f"  # PyTorch has no {c.activation}: identity stands in"
    layer = act.facts.code.get("torch_layer")
    layer = f"\n\n{layer.strip(chr(10))}\n\n" if layer else "\n"
    pieces = "fan_out" if act.pieces == 1 else f"{act.pieces} * fan_out"
    opt, opt_notes = _optimizer(c)
    l1_line = f"L1 = {c.l1!r}  # and L1 · Σ|W| (torch has no L1 option: the loss adds it)\n"
    l1_line = l1_line if c.l1 else ""
    init = init_note(c, initializers.get(c.initializer).facts, "torch")
    what = "same data, initial weights, batches and updates."
    l1_term = "\n        penalty = penalty + L1 * sum(m.weight.abs().sum() for m in linears)"
    l1_term = l1_term if c.l1 else ""
    body = f"""\
    for idx in batches:
        idx = torch.from_numpy(idx)
        penalty = 0.5 * L2 * sum((m.weight**2).sum() for m in linears){l1_term}
        loss = data_loss(model(X_train[idx]), y_train[idx]) + penalty
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()"""
    return f"""{header(c, "PyTorch", what, npz_name, f"python {SCRIPT_NAMES['pytorch']}")}
import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)  # the playground computes in float64
{load(npz_name)}{inputs_block(c)}
X_train, X_test = torch.from_numpy(run["X_train"]), torch.from_numpy(run["X_test"])  # scaled
y_train, y_test = torch.from_numpy(run["y_train"]), torch.from_numpy(run["y_test"])  # labels
sizes = [int(s) for s in run["sizes"]]  # [inputs, hidden widths..., outputs]
binary = sizes[-1] == 1  # 1 sigmoid output unit, else K softmax units
L2 = {c.l2!r}  # the training loss adds 0.5 · L2 · Σ‖W‖² (weights only, not biases)
{l1_line}{layer}
# The model: Linear layers with {c.activation} between them; the last layer gives the logits.
layers = []
for fan_in, fan_out in zip(sizes[:-2], sizes[1:-1]):
    layers += [nn.Linear(fan_in, {pieces}), {module}]{act_note}
layers.append(nn.Linear(sizes[-2], sizes[-1]))
model = nn.Sequential(*layers)
linears = [m for m in model if isinstance(m, nn.Linear)]

# Start from the playground's initial weights: ours are (fan_in, fan_out), torch's (out, in).
{comments(init)}with torch.no_grad():
    for i, layer in enumerate(linears, start=1):
        layer.weight.copy_(torch.from_numpy(run[f"init_W{{i}}"].T))
        layer.bias.copy_(torch.from_numpy(run[f"init_b{{i}}"]))

# torch.optim with the playground's hyper-parameters (its defaults are torch's).
{comments(opt_notes)}{opt}


{_loss(c)}


{_EVAL_R2 if regression(c) else _EVAL}


{batch_loop(c, body)}"""
