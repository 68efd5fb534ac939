"""The optimizers' hyper-parameters as the app's controls know them, read from the registry's
facts (`Facts.hyper`) at each use, so a registered optimizer counts at once: which RunConfig
fields the optimizers offer, and the range of each over every optimizer that uses it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import replace
from functools import cache

from playground.nn import optimizers
from playground.nn.facts import Facts, Hyper


def optimizer_facts(name: str) -> Facts:
    """The `Facts` of the optimizer `name` (its update rule, UI hyper-parameters, …)."""
    return optimizers.get(name).facts


def spanning(fields: Collection[str]) -> tuple[tuple[str, Hyper], ...]:
    """(field, Hyper) for every field in `fields` some optimizer offers, in the order the
    optimizers list them; low and high span every optimizer that uses the field."""
    return _spanning(optimizers.entries(), frozenset(fields))


@cache
def _spanning(entries: tuple, fields: frozenset[str]) -> tuple[tuple[str, Hyper], ...]:
    out: dict[str, Hyper] = {}
    for cls in entries:
        for h in cls.facts.hyper:
            if h.field in fields:  # else nothing could set it
                seen = out.get(h.field, h)
                out[h.field] = replace(seen, low=min(seen.low, h.low), high=max(seen.high, h.high))
    return tuple(out.items())


class WithHyper(Mapping):
    """`fixed` entries plus one per hyper-parameter field (`make(hyper)`), the fields being
    those of `fields()` some optimizer offers now."""

    def __init__(self, fixed: dict, make: Callable[[Hyper], tuple], fields: Callable) -> None:
        self._fixed, self._make, self._fields = fixed, make, fields
        self._last: tuple = ((), dict(fixed))

    def _all(self) -> dict:
        hyper = spanning(self._fields())
        if hyper is not self._last[0]:  # the registry changed (or first use): rebuild
            self._last = (hyper, {**self._fixed, **{f: self._make(h) for f, h in hyper}})
        return self._last[1]

    def __getitem__(self, key: str) -> tuple:
        return self._all()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())
