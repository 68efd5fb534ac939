"""A registry of named entries, the one piece each family (activations, initializers, losses,
optimizers) builds on: `get(name)` (ValueError naming the valid ones), `entries()`, `names`,
`register(entry)` and `unregister(name)`, so a test can add a temporary entry and remove it.
An entry is anything with a `name` (an Activation, a Loss, an Optimizer class, ...)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """Entries by name, in the order they were registered."""

    def __init__(self, kind: str, plural: str, entries: Iterable[T] = ()) -> None:
        self.kind, self.plural = kind, plural
        self._entries: dict[str, T] = {}
        for entry in entries:
            self.register(entry)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def get(self, name: str) -> T:
        """The entry called `name`; ValueError naming the valid ones otherwise."""
        try:
            return self._entries[name]
        except (KeyError, TypeError):
            valid = ", ".join(self._entries)
            raise ValueError(
                f"Unknown {self.kind} {name!r}. Valid {self.plural}: {valid}."
            ) from None

    def entries(self) -> tuple[T, ...]:
        """Every entry, in the order of `names`."""
        return tuple(self._entries.values())

    def register(self, entry: T) -> T:
        """Add `entry` (e.g. a test's temporary one); ValueError if its name is taken."""
        name = entry.name  # type: ignore[attr-defined]
        if name in self._entries:
            raise ValueError(f"A {self.kind} called {name!r} is registered already.")
        self._entries[name] = entry
        return entry

    def module_getattr(self, name: str):
        """A family module's `__getattr__` (PEP 562): its NAMES follows the registry."""
        if name == "NAMES":
            return self.names
        raise AttributeError(f"no attribute {name!r}")

    def unregister(self, name: str) -> None:
        """Take the entry `name` out again (no error if it is not there)."""
        self._entries.pop(name, None)
