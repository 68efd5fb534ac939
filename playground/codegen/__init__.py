"""'Equivalent code': a run's model and training as a short PyTorch, Keras or scikit-learn script.

Each script loads the `.npz` file of `export.weights_npz` (scaled data, initial weights, layer
sizes), so it trains on exactly the data the playground used, and prints a parseable last line
`final_train_loss=<float> final_test_accuracy=<float>`. What each script writes for an
activation, loss or optimizer comes from that registry entry's facts (`entry.facts.torch`,
`.keras`, `.sklearn`, `.code`); an entry a framework lacks (facts say None) becomes valid code
with a comment, never invalid code.

- PyTorch (`pytorch.py`) reproduces the run: same float64 model, initial weights, loss, L2 term,
  optimizer hyper-parameters and batch order; its final train loss matches ours to ~1e-12.
- Keras 3 (`keras.py`, any backend, e.g. KERAS_BACKEND=torch without TensorFlow) trains the same
  model from the same initial weights on the same batches; it matches ours as closely as the
  optimizer's Keras class allows (the module says where and why it cannot).
- scikit-learn (`sklearn.py`): the closest MLPClassifier (fewer activations, only cross entropy,
  only SGD/Adam, its own initial weights), each difference written as a comment.
"""

from playground.codegen.common import NPZ_NAME
from playground.codegen.keras import keras_script
from playground.codegen.pytorch import pytorch_script, torch_optimizer_kwargs
from playground.codegen.sklearn import sklearn_script

__all__ = [
    "NPZ_NAME",
    "keras_script",
    "pytorch_script",
    "sklearn_script",
    "torch_optimizer_kwargs",
]
