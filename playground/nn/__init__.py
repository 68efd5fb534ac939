"""The NumPy trainer, one home per rule:

- registries (each entry carries its `facts.Facts`; `registry.Registry` under each family):
  activations, initializers, losses, optimizers;
- passes: the forward pass, back-propagation and the history row's statistics, for one run or a
  stack of runs (feature-major arrays);
- network: the MLP (public API: params, forward, loss_and_grads); train: Trainer (one run, a
  stack of one); batched: BatchedTrainer (a stack of runs, `experiment.run_many`).

Imports NumPy only, so it runs in a notebook without Streamlit.
"""

from playground.nn import activations, initializers, losses, optimizers

__all__ = ["activations", "initializers", "losses", "optimizers"]
