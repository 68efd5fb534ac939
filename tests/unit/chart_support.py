"""Shared by the chart tests: real small runs (binary, 3 classes, no hidden layer, maxout) and a
PNG decoder."""

from __future__ import annotations

import base64
import io

import numpy as np
from PIL import Image

from playground.config import RunConfig
from playground.experiment import run

SMALL = {"n_samples": 200, "epochs": 20}


def small_runs() -> dict:
    """Real small runs: binary, 3 classes, no hidden layer, maxout."""
    return {
        "binary": run(RunConfig(dataset="moons", **SMALL)),
        "three": run(RunConfig(dataset="blobs", **SMALL)),
        "linear": run(RunConfig(dataset="moons", hidden=(), **SMALL)),
        "maxout": run(RunConfig(dataset="circles", activation="maxout", hidden=(5, 3), **SMALL)),
    }


KINDS = ["binary", "three", "linear", "maxout"]


def decode(url: str) -> np.ndarray:
    assert url.startswith("data:image/png;base64,")
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))).convert("RGB"))
