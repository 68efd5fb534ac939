"""What every registry entry says about itself, so no other module keeps a table keyed by names.

An activation, initializer, loss or optimizer entry carries one `Facts`: its formula, its
equivalents in PyTorch, Keras and scikit-learn (None: that framework has none), the
hyper-parameters the UI may set (with their ranges) and the key of its description in the text
catalogues. Codegen, the Learn page, the optimizer lab, the sidebar and the URL spec read these,
so a new entry is one registry entry plus its texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hyper:
    """A hyper-parameter the UI can set: one RunConfig field (also the widget key and the URL
    name), the framework argument it becomes, its default and the range the sidebar offers."""

    field: str  # RunConfig field, e.g. "beta1"
    torch: str  # torch.optim keyword, e.g. "betas" (beta1 is betas[0])
    default: float
    low: float
    high: float
    step: float | None  # None: the number widget's own step


@dataclass(frozen=True)
class Facts:
    """formula: LaTeX of the rule (f(z); the loss; the update; the initial distribution).
    torch / keras / sklearn: the equivalent as it is written in that framework's code (an
    expression, a class or a string name), or None where the framework has none.
    code: longer snippets a framework needs (e.g. a custom layer), by a name codegen knows.
    derivative: LaTeX of f'(z) (activations). text_key: catalogue key of the one-line
    description. hyper: the UI hyper-parameters, in the order the sidebar shows them.
    label: the option's display name, the same in every language (a bound widget writes it into
    the page address, so a shared link works in either language); None: the entry's name."""

    formula: str
    text_key: str
    torch: str | None = None
    keras: str | None = None
    sklearn: str | None = None
    derivative: str | None = None
    hyper: tuple[Hyper, ...] = ()
    code: Mapping[str, str] = field(default_factory=dict)
    label: str | None = None
