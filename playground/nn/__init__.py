"""The NumPy trainer: activations, losses, initializers, optimizers, network, train.

Imports NumPy only, so it runs in a notebook without Streamlit.
"""

from playground.nn import activations, initializers, losses, optimizers

__all__ = ["activations", "initializers", "losses", "optimizers"]
