"""Shared by the chart tests: real small runs (binary, 3 classes, no hidden layer, maxout), a PNG
decoder, and for Vega-Lite dicts: the rows a part draws, a normal form to compare specs in, and
validation against the Vega-Lite v6 JSON schema that Altair ships."""

from __future__ import annotations

import base64
import io
import json
import re

import jsonschema
import numpy as np
from altair.vegalite.v6.schema.core import load_schema
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


# ---- Vega-Lite specs ---------------------------------------------------------------------
_GENERATED = re.compile(r'"(param|view)_[0-9a-f]+(?:_[0-9]+)?"')


def data_of(spec: dict, part: dict | None = None) -> list[dict]:
    """The rows `part` (default: the spec itself) draws: its named dataset or inline values."""
    data = (spec if part is None else part)["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def normalize(spec: dict) -> dict:
    """A spec as the browser reads it, whoever built it: every named dataset inlined as
    `{"values": rows}` (dataset names differ), generated param/view names numbered in order of
    appearance (as Streamlit does), numbers and strings as JSON has them."""
    spec = json.loads(json.dumps(spec))
    names: dict[str, str] = {}

    def number(m: re.Match) -> str:
        prefix = m.group(1)
        count = sum(name.startswith(f'"{prefix}_') for name in names.values())
        return names.setdefault(m.group(0), f'"{prefix}_{count + 1}"')

    body = {k: v for k, v in spec.items() if k != "datasets"}
    text = _GENERATED.sub(number, json.dumps(body, ensure_ascii=False))
    datasets = spec.get("datasets", {})

    def inline(node):
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and set(data) == {"name"}:
                node["data"] = {"values": datasets[data["name"]]}
            for v in node.values():
                inline(v)
        elif isinstance(node, list):
            for v in node:
                inline(v)
        return node

    return inline(json.loads(text))


_VALIDATOR = jsonschema.Draft7Validator(load_schema())


def schema_errors(spec: dict) -> list[str]:
    """What the Vega-Lite v6 schema says is wrong with `spec` (empty: valid), and non-JSON
    numbers (NaN, inf) the browser could not read."""
    try:
        json.dumps(spec, allow_nan=False)
    except ValueError as e:
        return [str(e)]
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message[:200]}"
        for e in _VALIDATOR.iter_errors(spec)
    ]
