"""A CSV data set's text into arrays: a header row, two numeric feature columns, the label last.

Every refusal is a ValueError in plain words saying what is wrong and where (row number, the
header being row 1; column name), and for a file in another format or encoding, how to save it.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import numpy as np

MAX_ROWS, MIN_ROWS, MAX_CLASSES, MAX_BYTES = 20_000, 4, 10, 50_000_000
_MISSING = {"", "na", "n/a", "nan", "null"}
SAVE_AS = "Save it as 'CSV UTF-8 (comma delimited)' and try again."
# Byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_BINARY = (  # first bytes -> what the file most likely is
    (b"PK\x03\x04", "it looks like an Excel workbook (.xlsx) or another zip file"),
    (b"\xd0\xcf\x11\xe0", "it looks like an old Excel workbook (.xls)"),
)

Source = str | os.PathLike | IO[Any]


def wide_encoding(raw: bytes) -> str | None:
    """ "UTF-16" or "UTF-32" if ``raw`` is text in that encoding (by its byte-order mark, or by
    the NUL bytes beside every ASCII character that those encodings write), else None."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[: 4096 - 4096 % 4]
    head = head[: len(head) - len(head) % 4]
    if len(head) < 8 or b"\x00" not in head:
        return None
    share = [head[i::4].count(0) / (len(head) // 4) for i in range(4)]  # NULs per byte position
    for wide, mostly, rarely in (("UTF-32", (2, 3), (0,)), ("UTF-32", (0, 1), (3,))):
        if min(share[i] for i in mostly) > 0.9 and max(share[i] for i in rarely) < 0.1:
            return wide
    even, odd = (share[0] + share[2]) / 2, (share[1] + share[3]) / 2
    return "UTF-16" if max(even, odd) > 0.3 and min(even, odd) < 0.05 else None


def _not_utf8(raw: bytes, err: UnicodeDecodeError) -> ValueError:
    """The message for bytes that are not UTF-8: the row, and the encoding it looks like."""
    row = raw[: err.start].count(b"\n") + 1
    try:
        korean = any("\uac00" <= c <= "\ud7a3" for c in raw.decode("cp949"))
    except UnicodeDecodeError:
        korean = False
    looks = (
        "it looks saved as CP949/EUC-KR (Korean Windows 'ANSI')"
        if korean
        else "it looks saved in an older code page such as Windows-1252"
    )
    return ValueError(f"Row {row} has characters that are not UTF-8 text: {looks}. {SAVE_AS}")


def decode(raw: bytes | str) -> str:
    """CSV bytes as text; ValueError naming the format or encoding if they are not UTF-8 text."""
    if isinstance(raw, str):
        if "\x00" in raw:
            raise ValueError(f"This is a binary file, not CSV text. {SAVE_AS}")
        return raw
    if len(raw) > MAX_BYTES:
        raise ValueError(f"The file is larger than {MAX_BYTES // 1_000_000} MB; that is too big.")
    wide = wide_encoding(raw)
    if wide:
        raise ValueError(f"This file is saved as {wide} text, not UTF-8. {SAVE_AS}")
    if b"\x00" in raw:
        what = next(
            (w for magic, w in _BINARY if raw.startswith(magic)), "perhaps an Excel or zip file"
        )
        raise ValueError(f"This is a binary file, not CSV text: {what}. {SAVE_AS}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise _not_utf8(raw, err) from None


def read_text(source: Source) -> str:
    """Read a path or a bytes/text file-like into text; refuse binary and non-UTF-8 data."""
    if isinstance(source, str | os.PathLike):
        if not Path(source).is_file():
            raise ValueError(f"Could not find the file '{source}'.")
        raw: bytes | str = Path(source).read_bytes()
    else:  # a file-like: io.BytesIO, io.StringIO, Streamlit's UploadedFile, an open file
        raw = source.getvalue() if hasattr(source, "getvalue") else source.read()
    return decode(raw if isinstance(raw, str) else bytes(raw))


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (row number in the file, header = 1; stripped cells) for every non-blank row."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                yield reader.line_num, [cell.strip() for cell in cells]
    except csv.Error as err:
        raise ValueError(f"Row {reader.line_num}: broken quotes or a huge value ({err}).") from None


def _float(text: str) -> float | None:
    """``float(text)``, NaN for a missing-value marker, None if ``text`` is not a number."""
    try:
        return math.nan if text.lower() in _MISSING else float(text)
    except ValueError:
        return None


def _header(row: int, cells: list[str]) -> list[str]:
    """Return the 3 column names of the header row; ValueError saying what is wrong."""
    names = ", ".join(repr(c[:40]) for c in cells[:8]) + (", ..." if len(cells) > 8 else "")
    if len(cells) != 3:
        hint = " Use commas between values." if len(cells) == 1 and ";" in cells[0] else ""
        raise ValueError(
            "The file needs exactly 3 columns (two numeric features, then the label), "
            f"but the header (row {row}) has {len(cells)}: {names}.{hint}"
        )
    if "" in cells:
        raise ValueError(f"Column {cells.index('') + 1} has no name in the header (row {row}).")
    if _float(cells[0]) is not None and _float(cells[1]) is not None:
        raise ValueError(f"Row {row} should hold column names but looks like data ({names}).")
    return cells


def _number(text: str, row: int, column: str) -> float:
    """Parse one feature cell; ValueError naming the row, the column and the value if bad."""
    value, where = _float(text), f"Row {row}, column '{column}'"
    if value is None:
        raise ValueError(f"{where}: {text[:40]!r} is not a number (both features must be).")
    if math.isnan(value):
        raise ValueError(f"{where}: the value is missing. Fill it in or delete the row.")
    if math.isinf(value):
        raise ValueError(f"{where}: {text[:40]!r} is infinite or too large.")
    return value


def _classes(labels: list[str], first_row: dict[str, int], column: str) -> list[str]:
    """Label values in sorted order (numeric if all are numbers); ValueError unless 2..10."""
    where, k = f"Column '{column}' (the label, last column)", len(first_row)
    if k < 2:
        raise ValueError(f"{where} has only one class, {labels[0]!r}; 2 or more are needed.")
    if k > MAX_CLASSES:
        extra = list(first_row)[MAX_CLASSES]
        raise ValueError(
            f"{where} has {k} different values, but at most {MAX_CLASSES} classes are allowed "
            f"({extra!r} in row {first_row[extra]} is class {MAX_CLASSES + 1})."
        )
    if all(_float(label) is not None for label in first_row):
        return sorted(first_row, key=lambda label: (float(label), label))
    return sorted(first_row)


def parse(text: str) -> tuple[np.ndarray, np.ndarray, list[str], tuple[str, str]]:
    """Validate CSV text into X (n, 2) float64, y (n,) int64, class names, feature names."""
    rows = _rows(text)
    header_row, cells = next(rows, (0, []))
    if not header_row:
        raise ValueError("The file is empty.")
    columns = _header(header_row, cells)
    features, labels, first_row = [], [], {}
    for row, cells in rows:
        if len(labels) == MAX_ROWS:
            raise ValueError(f"The file has more than {MAX_ROWS:,} data rows (row {row}).")
        if len(cells) != 3:
            raise ValueError(f"Row {row} has {len(cells)} values, not 3. Check the commas there.")
        features.append([_number(cells[0], row, columns[0]), _number(cells[1], row, columns[1])])
        if cells[2].lower() in _MISSING:
            raise ValueError(f"Row {row}, column '{columns[2]}': the label is missing.")
        labels.append(cells[2])
        first_row.setdefault(cells[2], row)
    if len(labels) < MIN_ROWS:
        raise ValueError(f"The file has {len(labels)} data rows; at least {MIN_ROWS} are needed.")
    classes = _classes(labels, first_row, columns[2])
    y = np.array([classes.index(label) for label in labels], dtype=np.int64)
    return np.array(features, dtype=np.float64), y, classes, (columns[0], columns[1])
