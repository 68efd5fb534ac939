"""The task a data set poses and the losses that serve it: a regression set (real-valued targets)
trains one linear output unit with mse or huber; a classification set trains with any loss whose
`Loss.tasks` include classification (mse serves both; huber only regression)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from playground import data
from playground.nn import losses


def task(dataset: str) -> str:
    """The problem a data set poses: "regression" (real-valued targets) or "classification"."""
    return "regression" if data.is_regression(dataset) else "classification"


def default_loss(dataset: str) -> str:
    """The loss a run on `dataset` gets when none is given: mse for regression sets, else
    cross entropy."""
    return "mse" if task(dataset) == "regression" else "cross_entropy"


def check_task(dataset: str, loss: str) -> None:
    """ValueError "loss: …" unless `loss` serves the task of `dataset` (losses.for_task): a
    regression set needs mse or huber; huber is for regression sets only."""
    kind = task(dataset)
    valid = losses.for_task(kind)
    if loss not in valid:
        raise ValueError(
            f"loss: {loss} does not fit the {kind} data set {dataset}. "
            f"Valid losses for {kind}: {', '.join(valid)}."
        )


def with_task(config: Any, given: dict[str, Any], problems: list[str], coerce) -> Any:
    """The RunConfig `config` with a link's data set and loss (`given`, texts that `coerce(key,
    text)` turns into values): both if they fit together; else the data set with its default
    loss, else the defaults; each value left out is named in `problems`."""
    values: dict[str, Any] = {"dataset": config.dataset, "loss": None}  # None: the set's default
    for key in ("dataset", "loss"):
        if key in given:
            try:
                values[key] = coerce(key, given[key])
                replace(config, **values)
            except ValueError as e:
                values[key] = None if key == "loss" else config.dataset
                default = default_loss(values["dataset"]) if key == "loss" else config.dataset
                problems.append(f"{e} Using the default, {default!r}.")
    return replace(config, **values)
