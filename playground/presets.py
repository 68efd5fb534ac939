"""Teaching presets: one RunConfig per lesson of the tuning chapter, each showing one effect.

A preset has an `id`, the tuning `point` it belongs to ("1" … "7" as on the slide's ①–⑦) and
a message `key`: the pages show `learn.preset.<key>` as its title and `learn.preset.<key>.about`
as what to look for (app/locales/<lang>/learn.py, newer ones in app/locales/<lang>/presets.py).
Every value lies on the sidebar's steps, so loading a preset reproduces it exactly.
The tests in `tests/unit/test_presets.py` run each preset and check that it shows its lesson,
both in its history and in what `diagnosis.diagnose` finds (and must not find).
"""

from __future__ import annotations

from dataclasses import dataclass

from playground.config import RunConfig


@dataclass(frozen=True)
class Preset:
    """A named RunConfig that teaches one thing."""

    id: str
    point: str  # "1" … "7"
    key: str  # message key suffix: learn.preset.<key>, learn.preset.<key>.about
    config: RunConfig


_SATURATED = dict(dataset="gaussians", activation="sigmoid", hidden=(8,), init_scale=20.0)
_SATURATED |= dict(optimizer="sgd", learning_rate=0.1, epochs=50)
_SMALL_DATA = dict(dataset="moons", n_samples=100, noise=0.5, test_fraction=0.5)
_DEEP_SIGMOID = dict(activation="sigmoid", hidden=(8,) * 5, optimizer="sgd", learning_rate=0.1)

PRESETS: tuple[Preset, ...] = (
    # ① a Normalizer puts every point of the circles on the unit circle: the radius is lost
    Preset("normalizer_circles", "1", "normalizer",
           RunConfig(dataset="circles", scaler="normalizer_l2")),
    Preset("standard_circles", "1", "standard",
           RunConfig(dataset="circles", scaler="standard")),
    # ② a saturated sigmoid: MSE's gradient carries σ'(z) ≈ 0, cross entropy's does not
    Preset("mse_saturated", "2", "mse", RunConfig(loss="mse", **_SATURATED)),
    Preset("ce_saturated", "2", "ce", RunConfig(loss="cross_entropy", **_SATURATED)),
    # ③ deep sigmoid under SGD: each layer multiplies δ by σ'(z)·W, σ' ≤ 0.25, so δ reaching
    # layer 1 is ~1e-3 of the output's; the loss stays at ln 2, accuracy at chance
    Preset("deep_sigmoid", "3", "vanishing_sgd", RunConfig(**_DEEP_SIGMOID)),
    # ③ the same network under Adam (its usual learning rate): the gradient still vanishes, but
    # Adam divides each step by the parameter's recent gradient size, so the first layers move
    Preset("deep_sigmoid_adam", "3", "vanishing_adam",
           RunConfig(**_DEEP_SIGMOID | dict(optimizer="adam", learning_rate=0.01))),
    # ④ zeros: every unit of a layer computes and learns the same thing (symmetry)
    Preset("zero_init", "4", "zeros", RunConfig(activation="sigmoid", initializer="zeros")),
    # ④ large weights in a deep tanh net: the gradient grows layer by layer toward the input
    Preset("large_weights", "4", "exploding",
           RunConfig(hidden=(32,) * 6, init_scale=20.0, epochs=20)),
    # ⑤ far too large a step: the loss blows up in the first epoch
    Preset("lr_too_high", "5", "lr_high",
           RunConfig(activation="leaky_relu", optimizer="sgd", learning_rate=10.0)),
    # ⑤ the same epochs: one full-batch step each (GD) vs. many small-batch steps (SGD)
    Preset("full_batch_gd", "5", "gd",
           RunConfig(optimizer="sgd", learning_rate=0.1, batch_size=0, epochs=100)),
    Preset("minibatch_sgd", "5", "sgd",
           RunConfig(optimizer="sgd", learning_rate=0.1, batch_size=16, epochs=100)),
    # ⑥ two nodes cannot bend a boundary around the spiral: underfitting
    Preset("too_few_nodes", "6", "underfit", RunConfig(dataset="spiral", hidden=(2,))),
    # ⑥⑦ a wide deep net on 50 noisy training points: it learns the noise (overfitting)
    Preset("too_many_nodes", "6", "overfit",
           RunConfig(hidden=(32,) * 3, epochs=200, **_SMALL_DATA)),
)  # fmt: skip

BY_ID: dict[str, Preset] = {p.id: p for p in PRESETS}


def get(preset_id: str) -> Preset:
    """The preset called `preset_id`; ValueError naming the valid ones otherwise."""
    try:
        return BY_ID[preset_id]
    except KeyError:
        raise ValueError(
            f"Unknown preset {preset_id!r}. Valid presets: {', '.join(BY_ID)}."
        ) from None


def for_point(point: str) -> list[Preset]:
    """The presets of one tuning point ("1" … "7"), in teaching order."""
    return [p for p in PRESETS if p.point == point]
