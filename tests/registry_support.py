"""What the registry tests share (unit/test_registry_facts.py, app/test_registry_pages.py,
unit/test_layout.py): a LaTeX balance check, and a temporary activation and initializer that the
tests register, as a new entry would be, without editing any module."""

from __future__ import annotations

import re

import numpy as np

from playground.nn import activations, initializers
from playground.nn.facts import Facts


def balanced(tex: str) -> bool:
    """Braces, \\left…\\right and \\begin…\\end pair up (KaTeX rejects the formula otherwise)."""
    depth = 0
    for token in re.findall(r"\\[{}]|\\left(?![a-zA-Z])|\\right(?![a-zA-Z])|[{}]", tex):
        depth += {"{": 1, "}": -1, r"\left": 1, r"\right": -1}.get(token, 0)
        if depth < 0:
            return False
    begins = len(re.findall(r"\\begin\{", tex)) == len(re.findall(r"\\end\{", tex))
    return depth == 0 and begins


def _mish_f(z):
    return z * np.tanh(np.logaddexp(0.0, z))


def _mish_df(z, a):
    t = np.tanh(np.logaddexp(0.0, z))
    return t + z * (1.0 - t * t) * 0.5 * (1.0 + np.tanh(0.5 * z))


MISH = activations.Activation(  # Mish: z·tanh(softplus(z)), torch.nn.Mish
    "mish",
    _mish_f,
    _mish_df,
    Facts(
        formula=r"f(z) = z\,\tanh\big(\log(1 + e^{z})\big)",
        derivative=r"f'(z) = \tanh s + z\,(1 - \tanh^2 s)\,\sigma(z),\quad s = \log(1 + e^{z})",
        text_key="activation.mish.about",
        torch="nn.Mish()",
        keras='"mish"',
    ),
)
MISH_TEXTS = {
    "en": "Smooth, non-monotonic: z·tanh(softplus z).",
    "ko": "매끄러운 활성화 함수입니다.",
}
WIDE = initializers.Initializer(  # U(−0.5, 0.5) whatever the layer's size
    "wide_uniform",
    "uniform",
    lambda i, o: 0.5,
    "r = 0.5",
    Facts(r"W \sim U(-r,\ r),\quad r = 0.5", "initializer.wide_uniform.about"),
)
