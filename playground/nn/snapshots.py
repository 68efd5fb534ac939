"""Boundary snapshots computed when read: the replay shows one at a time, a sweep only the last.

A run keeps the network's weights at each snapshot epoch (a flat vector of ~100 numbers, not
the g × k predictions on the grid), and `Snapshots` computes snapshot i, the predictions
p_i = out(z_L(grid; w_i)) as float32 (g, k), the first time it is read (then keeps it). Reading
all of them gives the same numbers as computing them during training did; a run that nobody
looks at never pays for them (a default run: 31 snapshots × 3,600 grid points).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from playground.nn.network import MLP

Array = np.ndarray


class Snapshots(Sequence):
    """Reads like the float32 array (s, g, k) of a run's boundary snapshots: `len`, `[i]`
    (g, k), slices (s', g, k), `np.asarray`, `shape`, `dtype`.

    net: the run's network (its structure is copied, not its weights); grid: (g, d) scaled
    points; weights: the flat parameter vectors w_i, one per snapshot (kept, not copied)."""

    dtype = np.dtype(np.float32)

    def __init__(self, net: MLP, grid: Array, weights: list[Array]) -> None:
        state = net.__getstate__()
        state["flat"], state["grad_flat"] = net.flat.copy(), net.grad_flat.copy()
        self._state, self._net = state, None  # the network is built at the first read
        self._n_out: int = net.sizes[-1]
        self._grid, self._weights = grid, weights
        self._done: dict[int, Array] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._weights)

    @property
    def shape(self) -> tuple[int, int, int]:
        return (len(self), len(self._grid), self._n_out)

    def _item(self, i: int) -> Array:
        with self._lock:  # one shared network: sessions reading a cached run take turns
            p = self._done.get(i)
            if p is None:
                net = self._net
                if net is None:
                    net = self._net = MLP.__new__(MLP)
                    net.__setstate__(self._state)
                net.flat[...] = self._weights[i]
                p = self._done[i] = net.forward(self._grid).astype(np.float32)
                p.flags.writeable = False  # shared by every reader
            return p

    def __getitem__(self, index):
        if isinstance(index, slice):
            items = [self._item(i) for i in range(*index.indices(len(self)))]
            return np.stack(items) if items else np.zeros((0, *self.shape[1:]), np.float32)
        i = range(len(self))[index]  # negative indices; out of range raises IndexError
        return self._item(i)

    def __array__(self, dtype=None, copy=None) -> Array:
        out = self[:]
        return out if dtype is None else out.astype(dtype)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_lock"}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
