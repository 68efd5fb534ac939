"""A watched folder of CSV data sets: what loads, and why each other file was left out.

Watching costs one stat of the folder per look-up when nothing changed (adding, removing or
renaming a file changes the folder's mtime) and a stat of every file at most every
RESCAN_SECONDS (a file edited in place leaves the folder's mtime alone). Only a new or changed
file is read. Only regular files that are themselves in the folder are read: a symbolic link, a
hard link to a file elsewhere, a pipe or a device is refused with the reason.

A set keeps the contents it was first served with for the life of the process: runs are cached
by setup, which names the set but not its contents, so a changed file is left out (with that
reason) until the server restarts, and a removed one stays available to runs that used it.
"""

from __future__ import annotations

import hashlib
import os
import stat
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from playground import csv_table

RESCAN_SECONDS = 2.0
SETTLE_SECONDS = 1.0  # a file written to more recently may still be being copied in: wait
CHANGED = (
    "This file changed after the server loaded it. Runs of the old version are cached under its "
    "name, so the new version is used after the server restarts; or save it under a new file "
    "name to use it now."
)
NOT_REGULAR = "This is not a regular file (it is a folder, a pipe or a device)."

Table = tuple[np.ndarray, np.ndarray, list[str], tuple[str, str]]  # X, y, classes, columns
MakeEntry = Callable[[str, Table], Any]  # (data-set name, table) -> registry entry


@dataclass(frozen=True)
class _File:
    """What one file gave: an entry, or why it was left out."""

    stat: tuple  # (device, inode, size, mtime_ns, mode, links) it was read with
    entry: Any = None
    digest: str = ""
    error: str = ""


@dataclass(frozen=True)
class Scan:
    """The folder as last looked at. Replaced whole on a change, so readers need no lock."""

    path: Path | None = None
    stat: tuple | None = None
    files: dict[str, _File] = field(default_factory=dict)  # file name -> what it gave
    entries: dict[str, Any] = field(default_factory=dict)  # data-set name -> entry
    errors: dict[str, str] = field(default_factory=dict)  # file name -> why it was left out
    next_full: float = 0.0  # time.monotonic() of the next stat of every file


def _sig(st: os.stat_result) -> tuple:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_mode, st.st_nlink)


def read_file(path: Path, st: os.stat_result) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of a regular file that is itself in its folder (``st``: its lstat);
    ValueError saying why anything else is refused."""
    if stat.S_ISLNK(st.st_mode):
        raise ValueError(
            "This is a symbolic link, and links are not followed (one could point at any file "
            "on the server). Copy the file itself into the folder."
        )
    if not stat.S_ISREG(st.st_mode):
        raise ValueError(NOT_REGULAR)
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    with os.fdopen(os.open(path, flags), "rb") as file:  # O_NOFOLLOW: no link swapped in since
        st = os.fstat(file.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(NOT_REGULAR)
        if st.st_nlink > 1:
            raise ValueError(
                "This file has another name elsewhere (a hard link), so it may be a file from "
                "outside the folder. Copy the file itself into the folder."
            )
        if st.st_size > csv_table.MAX_BYTES:
            raise ValueError(f"The file is larger than {csv_table.MAX_BYTES // 1_000_000} MB.")
        return file.read(csv_table.MAX_BYTES + 1), st


def _load(path: Path, st: os.stat_result, make_entry: MakeEntry) -> _File:
    """Read and validate one file (never raises: a broken file must not break the others)."""
    try:
        raw, st = read_file(path, st)
        entry = make_entry(path.stem, csv_table.parse(csv_table.decode(raw)))
    except ValueError as err:
        return _File(_sig(st), error=str(err))
    except OSError as err:
        return _File(_sig(st), error=f"The file could not be read: {err.strerror or err}.")
    except Exception as err:
        return _File(_sig(st), error=str(err) or type(err).__name__)
    return _File(_sig(st), entry, hashlib.sha256(raw).hexdigest())


def listing(folder: Path) -> list[tuple[str, os.stat_result]]:
    """(file name, lstat) of every ``*.csv`` in ``folder``, by name; hidden files are skipped."""
    found = []
    try:
        with os.scandir(folder) as entries:
            for e in entries:
                if e.name.lower().endswith(".csv") and not e.name.startswith("."):
                    try:
                        found.append((e.name, e.stat(follow_symlinks=False)))
                    except OSError:
                        continue  # removed since the listing
    except OSError:
        return []  # no folder, or not readable: no CSV sets
    return sorted(found)


def _folder_stat(folder: Path) -> tuple | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns)


class Watcher:
    """CSV data sets of one folder at a time, next to built-in names they may not take."""

    def __init__(self, reserved: Collection[str], make_entry: MakeEntry) -> None:
        self.reserved, self.make_entry = reserved, make_entry
        self.scan = Scan()
        self.served: dict[str, tuple[str, Any]] = {}  # every set ever served: (digest, entry)
        self._lock = threading.Lock()

    def refresh(self, folder: Path, force: bool = False, settle: bool = True) -> Scan:
        """The scan of ``folder``, updated if anything changed (one stat if nothing did).

        ``force``: stat every file now. ``settle``: leave a file alone while it was written to
        less than SETTLE_SECONDS ago (it may be half copied).
        """
        folder_stat = _folder_stat(folder)

        def fresh() -> bool:
            s = self.scan
            return s.path == folder and s.stat == folder_stat and time.monotonic() < s.next_full

        if not force and fresh():
            return self.scan
        if not self._lock.acquire(blocking=force):
            return self.scan  # another thread is reading the folder: use what we have
        try:
            if force or not fresh():
                self.scan = self._rescan(folder, folder_stat, settle)
        finally:
            self._lock.release()
        return self.scan

    def _rescan(self, folder: Path, folder_stat: tuple | None, settle: bool) -> Scan:
        old = self.scan
        if old.path != folder:  # another folder (tests): start afresh
            old = Scan()
            self.served.clear()
        now, wall, waiting = time.monotonic(), time.time(), False
        files = {}
        for name, st in listing(folder):
            before = old.files.get(name)
            if before is not None and before.stat == _sig(st):
                files[name] = before
            elif settle and stat.S_ISREG(st.st_mode) and abs(wall - st.st_mtime) < SETTLE_SECONDS:
                waiting = True  # perhaps still being written: keep what it was, look again soon
                if before is not None:
                    files[name] = before
            else:
                files[name] = _load(folder / name, st, self.make_entry)
        entries, errors = self.assemble(files, self.served)
        wait = SETTLE_SECONDS if waiting else RESCAN_SECONDS
        return Scan(folder, folder_stat, files, entries, errors, now + wait)

    def assemble(self, files: dict[str, _File], served: dict) -> tuple[dict, dict[str, str]]:
        """({name: entry}, {file name: why left out}); records newly served sets in ``served``."""
        entries: dict[str, Any] = {}
        errors: dict[str, str] = {}
        for file_name, file in files.items():
            name = Path(file_name).stem
            first = served.get(name)
            if file.error or file.entry is None:
                errors[file_name] = file.error
            elif name in self.reserved or name in entries:
                errors[file_name] = f"The name '{name}' is already taken; rename the file."
            elif first is not None and first[0] != file.digest:
                errors[file_name] = CHANGED
            else:
                entries[name] = served.setdefault(name, (file.digest, file.entry))[1]
        return entries, errors

    def scan_once(self, folder: Path) -> tuple[dict, dict[str, str]]:
        """Every file of ``folder`` read now, nothing remembered: ({name: entry}, errors)."""
        files = {name: _load(folder / name, st, self.make_entry) for name, st in listing(folder)}
        return self.assemble(files, {})
