"""Training in worker processes, so a 2-core host uses both cores and the web server's thread
(one GIL for every session) only assembles pages. No Streamlit here."""

from __future__ import annotations

import os
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from playground import page_specs
from playground.config import RunConfig
from playground.experiment import RunResult, run

ENV = "PLAYGROUND_TRAIN_WORKERS"  # 0 = train in the server's own thread


def _init_worker() -> None:
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)


def workers() -> int:
    """How many training processes to start: $PLAYGROUND_TRAIN_WORKERS, else the core count."""
    try:
        return max(0, int(os.environ.get(ENV, os.cpu_count() or 1)))
    except ValueError:
        return 0


def make_pool(n: int) -> ProcessPoolExecutor:
    # spawn: the server has threads, which fork would copy in an undefined state
    return ProcessPoolExecutor(n, mp_context=get_context("spawn"), initializer=_init_worker)


def train_and_draw(
    config: RunConfig, dataset, labels: dict, when: tuple[str, str]
) -> tuple[RunResult, dict, float]:
    """run(config) plus the page's default chart specs; the seconds the training took."""
    start = time.perf_counter()
    result = run(config, dataset=dataset)
    trained = time.perf_counter() - start
    return result, page_specs.default_specs(result, labels, when), trained
