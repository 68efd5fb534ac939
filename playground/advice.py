"""Advice for a diagnosis: each a move the sidebar can still make from the run's setup.

`advise(code, config, **flags)` → advice codes for finding `code`, worded by the app
(`diag.advice.<code>` in `app/locales/<lang>/diagnosis.py`). A move is offered only if the
sidebar's control can still go that way (`config.STEPS`, `config.SPANS`): at the highest
learning rate there is no "larger learning rate", at depth 0 no "fewer layers".
"""

from __future__ import annotations

from functools import cache

import numpy as np

from playground import config as cfg
from playground import tasks
from playground.nn import activations, initializers, losses, optimizers


@cache
def _fan_scaled(initializer: str) -> bool:
    """The initializer scales its weights to the layer's fan (Glorot, He, LeCun), measured from
    the registry entry itself: its spread shrinks when the fan-in grows 64×."""
    init, rng = initializers.get(initializer), np.random.default_rng(0)
    small, large = np.std(init((8, 8), rng)), np.std(init((512, 8), rng))
    return bool(small > 0 and large < 0.5 * small)


@cache
def adaptive(optimizer: str) -> bool:
    """The optimizer divides each parameter's step by its own gradient history (AdaGrad,
    RMSProp, Adam, AdamW): a vanished gradient still gets a step of about the learning rate.
    Measured from the registry entry itself: one step on a gradient of 1e-6 moves the weight
    by more than a tenth of the learning rate."""
    opt, w = optimizers.get(optimizer, lr=1.0), np.zeros(1)
    opt.step([w], [np.full(1, 1e-6)])
    return bool(abs(w[0]) > 0.1)


@cache
def saturating_loss(loss: str) -> bool:
    """The loss's gradient fades where a sigmoid output saturates (MSE: it carries σ′(z)), so
    cross entropy would learn faster. Measured from the registry entry itself: at a confidently
    wrong output (z = −8 for y = 1) one sample's |∂ℓ/∂z| is below 0.01 (cross entropy: ≈ 1)."""
    z = np.full((1, 1), -8.0)
    try:
        _, dz = losses.get(loss)(z, np.ones_like(z), "sigmoid")
    except ValueError:  # a loss that takes no sigmoid output (regression)
        return False
    return bool(abs(dz[0, 0]) < 0.01)


def _limits(name: str) -> tuple[float, float]:
    """The lowest and highest value the sidebar offers for `name`."""
    if name in cfg.STEPS:
        return min(cfg.STEPS[name]), max(cfg.STEPS[name])
    lo, hi, _ = cfg.SPANS[name]
    return lo, hi


def _can(config, name: str, up: bool) -> bool:
    """The sidebar can move `name` further up (or down) from the config's value."""
    hidden = config.hidden
    value = {"width": max(hidden, default=0), "depth": len(hidden)}.get(name)
    value = getattr(config, name) if value is None else value
    lo, hi = _limits(name)
    return value < hi if up else value > lo


def advise(code: str, config, **flags) -> tuple[str, ...]:
    """Advice codes for finding `code`, each a move the sidebar can still make."""
    act = activations.get(config.activation)
    depth, no_scaler = len(config.hidden), config.scaler == "none"
    fan_scaled = _fan_scaled(config.initializer)
    # cross entropy needs classes: never advised for a regression set (mse/huber only)
    to_ce = saturating_loss(config.loss) and tasks.task(config.dataset) == "classification"
    wish = {
        "unstable": [("lr_down", _can(config, "learning_rate", False))],
        "exploding": [
            ("scale_down", config.init_scale > 1 and _can(config, "init_scale", False)),
            ("init", not fan_scaled),
            ("standard", no_scaler),
        ],
        "vanishing": [
            ("scale_up", config.init_scale < 1 and _can(config, "init_scale", True)),
            ("init", not fan_scaled),
            ("relu", act.bounded and (act.peak or 1) < 1),
            ("standard", no_scaler),
            ("cross_entropy", to_ce),
            ("depth_down", depth > 1),
            ("adaptive", not adaptive(config.optimizer)),
        ],
        "symmetry": [("init", True)],
        "normalizer": [("standard", True)],
        "dead": [
            ("leaky", True),
            ("scale_down", config.init_scale > 1 and _can(config, "init_scale", False)),
            ("lr_down", _can(config, "learning_rate", False)),
        ],
        "saturated": [
            ("standard", no_scaler),
            ("scale_down", config.init_scale > 1 and _can(config, "init_scale", False)),
            ("cross_entropy", to_ce),
            ("relu", True),
        ],
        "underfitting": _underfit_wishes(config, **flags),
        "overfitting": [
            ("width_down", depth > 0 and _can(config, "width", False)),
            ("l2_up", _can(config, "l2", True)),
            ("more_data", _can(config, "n_samples", True)),
        ],
    }
    advice = tuple(name for name, ok in wish.get(code, []) if ok)
    if code == "exploding" and not advice and _can(config, "learning_rate", False):
        advice = ("lr_down",)  # nothing else to change: survive it with smaller steps
    return advice


def _underfit_wishes(
    config, falling: bool = False, rose: bool = True, bouncing: bool = False
) -> list[tuple[str, bool]]:
    """Still learning at the end (or one full-batch step per epoch): more (or larger) steps
    first; on a plateau: capacity first; a loss that kept jumping back up: smaller steps first.
    A larger learning rate only if the loss never rose."""
    steps = [
        ("epochs_up", _can(config, "epochs", True)),
        ("lr_up", falling and not rose and _can(config, "learning_rate", True)),
        ("batch_down", config.batch_size == 0),
    ]
    capacity = [
        ("width_up", len(config.hidden) > 0 and _can(config, "width", True)),
        ("depth_up", _can(config, "depth", True)),
    ]
    more_steps_first = falling or config.batch_size == 0  # full batch: one step per epoch
    wishes = steps + capacity if more_steps_first else capacity + steps
    if bouncing:
        wishes = [("lr_down", _can(config, "learning_rate", False))] + wishes
    return wishes + [("standard", config.scaler == "none")]
