"""run(config): data + scaler + network + trainer, one call; `prepare` for step-by-step use."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from playground import data, executor, features, setup_paths
from playground.config import RunConfig
from playground.nn import optimizers
from playground.nn.batched import BatchedTrainer, signature
from playground.nn.network import MLP
from playground.nn.train import Stopped, Trainer, TrainResult
from playground.preprocessing import make_scaler

GRID_SIZE = 60  # the decision-boundary image is GRID_SIZE × GRID_SIZE points
Data = tuple[np.ndarray, np.ndarray, list[str]]


@dataclass
class Grid:
    """A regular grid over the data in original units: `points` (size², 2), row-major in y."""

    x: np.ndarray  # (size,)
    y: np.ndarray  # (size,)

    @property
    def points(self) -> np.ndarray:
        xx, yy = np.meshgrid(self.x, self.y)
        return np.column_stack([xx.ravel(), yy.ravel()])


@dataclass
class RunResult:
    """Everything a page shows about one run (history, status, message, model, scaler, …)."""

    config: RunConfig
    history: pd.DataFrame
    status: str
    message: str
    model: MLP
    scaler: object
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray
    class_names: list[str]
    grid: Grid
    snapshots: np.ndarray  # (s, size², n_out) float32 predictions on grid.points
    snapshot_epochs: list[int]
    elapsed: float = 0.0
    reason: str = ""  # why it diverged: "nan" | "inf" | "exploded"
    diverged_epoch: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def final(self) -> pd.Series:
        """The last history row (the final metrics)."""
        return self.history.iloc[-1]


def make_grid(X: np.ndarray, size: int = GRID_SIZE, pad: float = 0.1) -> Grid:
    """A size × size grid spanning X's bounding box, padded by `pad` of its extent."""
    lo, hi = X.min(axis=0), X.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    lo, hi = lo - pad * span, hi + pad * span
    return Grid(np.linspace(lo[0], hi[0], size), np.linspace(lo[1], hi[1], size))


def load_data(config: RunConfig) -> Data:
    """(X, y, class names) of the config's data set."""
    X, y = data.make_dataset(config.dataset, config.n_samples, config.noise, config.seed)
    if is_regression(y):  # real-valued targets: no classes
        return X, y, []
    names = data.get(config.dataset).class_names or [str(c) for c in range(int(y.max()) + 1)]
    return X, y, list(names)


def is_regression(y: np.ndarray) -> bool:
    """Targets y (n,) are real values (a regression set: float dtype), not class labels."""
    return np.issubdtype(np.asarray(y).dtype, np.floating)


def split(config: RunConfig, X: np.ndarray, y: np.ndarray):
    """Stratified train/test split, the same for every run with this data and seed:
    `train_test_split(X, y, test_size=config.test_fraction, random_state=config.seed,
    stratify=y)` (without stratify when a class has fewer than 2 samples, or a side would hold
    fewer samples than there are classes: a few drawn points), without its argument checks
    (`setup_paths.split_indices`): the same draws, sizes and indices."""
    n_test = math.ceil(config.test_fraction * len(y))  # as train_test_split sizes a fraction
    k = 0 if is_regression(y) else len(np.bincount(y))
    stratify = k > 0 and np.bincount(y).min() >= 2 and min(n_test, len(y) - n_test) >= k
    if not 0 < n_test < len(y):  # an empty side: train_test_split says why
        return train_test_split(X, y, test_size=config.test_fraction, random_state=config.seed)
    train, test = setup_paths.split_indices(y, n_test, config.seed, stratify)
    return X[train], X[test], y[train], y[test]


@dataclass
class Prepared:
    """A run ready to train: the Trainer plus what the result needs around it."""

    config: RunConfig
    trainer: Trainer
    scaler: object
    splits: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
    class_names: list[str]
    grid: Grid


def run_rngs(seed: int) -> tuple[np.random.Generator, np.random.Generator]:
    """The run's two generators: initial weights, then batch shuffling (independent streams)."""
    init, shuffle = np.random.SeedSequence(seed).spawn(2)
    return np.random.default_rng(init), np.random.default_rng(shuffle)


def initial_net(result: RunResult) -> MLP:
    """The network `result` started from: the same sizes, drawn again from its seed."""
    m = result.model
    return MLP(
        list(m.sizes), m.activation, m.output, m.initializer,
        init_scale=m.init_scale, rng=run_rngs(result.config.seed)[0],
    )  # fmt: skip


def prepare(config: RunConfig, dataset: Data | None = None, first_row: bool = True) -> Prepared:
    """Data, split, fitted scaler, initial network and optimizer for `config`.

    `dataset` = (X, y, class_names) replaces the named data set (e.g. an uploaded CSV).
    `first_row=False`: the history row of epoch 0 waits for training (`Trainer`).
    """
    return _prepare(config, dataset, first_row, None)


def _setup(config: RunConfig, dataset: Data | None) -> tuple:
    """What `prepare` computes from the data alone: (X, y, names), the splits, the fitted
    scaler (after the config's features: `features.inputs`), the grid and the scaled (train,
    test, grid) arrays."""
    X, y, names = dataset if dataset is not None else load_data(config)
    X_tr, X_te, y_tr, y_te = split(config, X, y)
    scaler = features.inputs(config.features, make_scaler(config.scaler)).fit(X_tr)
    grid = make_grid(X)
    scaled = tuple(setup_paths.transform(scaler, A) for A in (X_tr, X_te, grid.points))
    return (X, y, names), (X_tr, X_te, y_tr, y_te), scaler, grid, scaled


def _prepare(
    config: RunConfig, dataset: Data | None, first_row: bool, setups: dict | None
) -> Prepared:
    """`prepare`; with `setups` (a dict), runs with equal data, test fraction and scaler
    (`dataset` None) share one `_setup` (the same arrays and scaler: nobody writes them)."""
    if setups is None or dataset is not None:
        setup = _setup(config, dataset)
    else:
        c = config
        key = (c.dataset, c.n_samples, c.noise, c.seed, c.test_fraction, c.scaler, c.features)
        setup = setups.get(key)
        if setup is None:
            setup = setups[key] = _setup(config, None)
    (X, y, names), (X_tr, X_te, y_tr, y_te), scaler, grid, scaled = setup
    k = 1 if is_regression(y) else int(y.max()) + 1  # a regression: one linear output unit
    sizes = [scaled[0].shape[1], *config.hidden, 1 if k <= 2 else k]
    init_rng, shuffle_rng = run_rngs(config.seed)
    output = "linear" if is_regression(y) else "sigmoid" if k <= 2 else "softmax"
    net = MLP(
        sizes,
        config.activation,
        output,
        config.initializer,
        init_scale=config.init_scale,
        rng=init_rng,
    )
    opt = optimizers.get(config.optimizer, lr=config.learning_rate, **config.optimizer_hyper())
    trainer = Trainer(
        net,
        (scaled[0], y_tr, scaled[1], y_te),
        opt,
        shuffle_rng,
        loss=config.loss,
        batch_size=config.batch_size,
        epochs=config.epochs,
        l2=config.l2,
        grid=scaled[2],
        first_row=first_row,
        l1=config.l1,
    )
    return Prepared(config, trainer, scaler, (X_tr, y_tr, X_te, y_te), names, grid)


def divergence_message(config: RunConfig, reason: str, epoch: int | None) -> str:
    """Plain words: when the run diverged and what most likely caused it."""
    what = {"nan": "became NaN (not a number)", "inf": "became infinite"}.get(
        reason, "exploded to more than 100× its starting value"
    )
    causes = [f"the learning rate ({config.learning_rate:g}) is too high for {config.optimizer}"]
    if config.init_scale > 2:
        causes.append(f"the initial weights are too large (init scale ×{config.init_scale:g})")
    return (
        f"Training diverged at epoch {epoch}: the loss {what}. Most likely "
        + " or ".join(causes)
        + ". Try a learning rate 10× smaller. The charts show the history up to that point."
    )


def finish(prepared: Prepared, elapsed: float = 0.0) -> RunResult:
    """Wrap a (partly) trained `Prepared` into a RunResult."""
    res: TrainResult = prepared.trainer.finish()
    config = prepared.config
    columns = list(res.history)  # the values as one (rows, columns) block: 3x faster than
    values = np.array([res.history[k] for k in columns], dtype=np.float64)  # from the dict
    history = pd.DataFrame(values.T, columns=columns) if columns else pd.DataFrame()
    if history.empty:  # not even epoch 0 was finite (e.g. features near 1e300)
        m = "r2" if prepared.trainer.net.output == "linear" else "accuracy"
        history = pd.DataFrame(
            columns=["epoch", "train_loss", "test_loss", f"train_{m}", f"test_{m}"]
        )
    history["epoch"] = history["epoch"].astype(int)
    if res.status == "diverged":
        message = divergence_message(config, res.reason, res.diverged_epoch)
    else:
        e = prepared.trainer.epoch
        message = f"Trained {e} epochs in {elapsed:.2f} s."
    X_tr, y_tr, X_te, y_te = prepared.splits
    return RunResult(
        config=config,
        history=history,
        status=res.status,
        message=message,
        model=prepared.trainer.net,
        scaler=prepared.scaler,
        X_train=X_tr,
        y_train=y_tr,
        X_test=X_te,
        y_test=y_te,
        class_names=prepared.class_names,
        grid=prepared.grid,
        snapshots=res.snapshots,
        snapshot_epochs=list(res.snapshot_epochs),
        elapsed=elapsed,
        reason=res.reason,
        diverged_epoch=res.diverged_epoch,
    )


def run(
    config: RunConfig,
    callback: Callable[[Trainer], object] | None = None,
    dataset: Data | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> RunResult:
    """Train `config` to the end (or to divergence). `callback(trainer)` after every epoch;
    `should_stop()` between epochs and mini-batches (True raises `train.Stopped`)."""
    start = time.perf_counter()
    prepared = prepare(config, dataset)
    prepared.trainer.run(callback, should_stop)
    return finish(prepared, time.perf_counter() - start)


def run_many(
    configs: list[RunConfig],
    *,
    n_jobs: int | None = 1,
    scheduler: object = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[RunResult]:
    """The results of `run(c)` for each config, in order; only faster.

    Configs that differ only in seed, initializer, init scale, learning rate or optimizer
    numbers (`executor.BATCHABLE`) train together as one stacked computation
    (`playground.nn.batched`); each result equals run(c)'s, bit for bit on one machine.
    `n_jobs=1` (default) runs everything in this process. Otherwise the groups go through
    `playground.executor.execute`: to `n_jobs` local worker processes (-1: all cores; None: only
    when the work pays for them), or to a Dask cluster if `scheduler` (address or Client) is
    given or, with n_jobs != 1, the PLAYGROUND_DASK_SCHEDULER environment variable is set.
    `should_stop()`: asked between epochs and mini-batches in this process (between chunks
    elsewhere); True raises `train.Stopped`.
    """
    configs = list(configs)
    if n_jobs == 1 and scheduler is None:
        return run_together(configs, should_stop)
    results: list = [None] * len(configs)
    chunks = executor.execute(configs, run_together, n_jobs=n_jobs, scheduler=scheduler)
    for indices, chunk in chunks:
        for i, result in zip(indices, chunk, strict=True):
            results[i] = result
        if should_stop is not None and should_stop():
            raise Stopped(f"stopped after {sum(r is not None for r in results)} runs")
    return results


def run_together(
    configs: list[RunConfig], should_stop: Callable[[], bool] | None = None
) -> list[RunResult]:
    """run(c) for each config, in order; runs that can share a stacked computation do.
    `should_stop()`: asked between epochs and mini-batches (True raises `train.Stopped`)."""
    results: list = [None] * len(configs)
    for idx in executor.groups(configs):
        group = _run_group([configs[i] for i in idx], should_stop)
        for i, result in zip(idx, group, strict=True):
            results[i] = result
    return results


def _run_group(
    configs: list[RunConfig], should_stop: Callable[[], bool] | None = None
) -> list[RunResult]:
    """Prepare each run as run() does (runs on the same data share its split and scaler),
    train those with equal `batched.signature` as one BatchedTrainer (the others alone), wrap
    each with `finish`. `elapsed` of a batched run is
    its own preparation plus its share of the batch's training time."""
    if len(configs) == 1:
        return [run(configs[0], should_stop=should_stop)]
    prepared, elapsed, setups = [], [], {}
    for c in configs:
        start = time.perf_counter()
        prepared.append(_prepare(c, None, False, setups))  # row 0 with the stack's
        elapsed.append(time.perf_counter() - start)
    batches: dict[tuple, list[int]] = {}
    for i, p in enumerate(prepared):
        batches.setdefault(signature(p.trainer), []).append(i)
    for idx in batches.values():
        start = time.perf_counter()
        trainers = [prepared[i].trainer for i in idx]
        if len(trainers) > 1:
            BatchedTrainer(trainers).run(should_stop=should_stop)
        else:
            trainers[0].run(should_stop=should_stop)
        share = (time.perf_counter() - start) / len(idx)
        for i in idx:
            elapsed[i] += share
    return [finish(p, e) for p, e in zip(prepared, elapsed, strict=True)]
