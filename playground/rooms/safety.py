"""The rules that keep a room safe on a public host: unguessable room codes, secret attendee
tokens (only their hash is stored), display-name rules, the instructor key compared in constant
time, and CSV cells that a spreadsheet cannot run as formulas."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from collections.abc import Mapping
from typing import Any

from playground.rooms.errors import NameRejected

# ---- room codes ---------------------------------------------------------------------------------
# Crockford's base 32: digits and capitals without I, L, O, U (no 1/I/L or 0/O mix-ups when a
# code is read aloud or copied from a projector). 12 symbols × 5 bits = 60 bits from `secrets`.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12
CODE_BITS = CODE_LENGTH * 5
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_room_code() -> str:
    """A fresh room code: 12 symbols of CODE_ALPHABET drawn with `secrets` (60 bits)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """The code as people read it: three groups of four, e.g. "7K3M-Q9XA-W2HD"."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalize_code(text: Any) -> str | None:
    """The stored form of a code someone typed (any case, spaces or dashes, O for 0, I or L for
    1), or None when it cannot be a room code at all."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    code = re.sub(r"[\s\-_.]", "", text).upper().translate(_LOOKALIKES)
    ok = len(code) == CODE_LENGTH and all(c in CODE_ALPHABET for c in code)
    return code if ok else None


# ---- attendee tokens ----------------------------------------------------------------------------
TOKEN_BYTES = 32  # 256 bits; the database keeps only the SHA-256 of a token


def new_token() -> str:
    """A secret that proves who an attendee is (URL-safe text, 43 characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: Any) -> str | None:
    """What the database stores for `token`; None for a value that cannot be a token."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    return hashlib.sha256(token.encode()).hexdigest()


# ---- display names ------------------------------------------------------------------------------
MAX_NAME = 40  # characters (code points after NFC normalization)
# Refused besides the control characters (Cc): surrogates, line/paragraph separators, the
# byte-order mark and the bidirectional overrides that could reverse how a name reads.
_REFUSED_CATEGORIES = {"Cc", "Cs", "Zl", "Zp"}
_REFUSED_CHARS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def clean_name(text: Any) -> tuple[str, str]:
    """(the name as shown, the key that makes it unique in a room) for a display name.

    Trimmed, inner runs of spaces made one, NFC-normalized; any script and emoji allowed, kept
    as plain text (HTML stays the characters typed). The key ignores case and width variants
    (NFKC + casefold), so "Ann" and "ANN" are the same attendee. NameRejected says why not.
    """
    if not isinstance(text, str):
        raise NameRejected("rooms.name_empty", "Type a name to join the room.")
    name = re.sub(r" {2,}", " ", unicodedata.normalize("NFC", text).strip())
    if not name:
        raise NameRejected("rooms.name_empty", "Type a name to join the room.")
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES or c in _REFUSED_CHARS for c in name):
        raise NameRejected(
            "rooms.name_control",
            "A name cannot contain line breaks, tabs or other control characters.",
        )
    if len(name) > MAX_NAME:
        raise NameRejected(
            "rooms.name_too_long",
            "A name can have at most {max} characters (this one has {n}).",
            max=MAX_NAME,
            n=len(name),
        )
    key = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return name, key


# ---- the instructor key -------------------------------------------------------------------------
INSTRUCTOR_KEY = "PLAYGROUND_INSTRUCTOR_KEY"  # the secret's / environment variable's name
MIN_KEY_LENGTH = 12


def setting(name: str, secrets_: Mapping[str, Any] | None = None, environ=None) -> str:
    """A setting from the app's secrets, else the environment; "" when unset or blank. Secrets
    that cannot be read (Streamlit raises when there is no secrets.toml at all) count as unset."""
    environ = os.environ if environ is None else environ
    try:
        value = (secrets_ or {}).get(name)
    except Exception:  # StreamlitSecretNotFoundError (a FileNotFoundError), a bad secrets file
        value = None
    if not (isinstance(value, str) and value.strip()):
        value = environ.get(name)
    return value.strip() if isinstance(value, str) else ""


def instructor_key(secrets_: Mapping[str, Any] | None = None, environ=None) -> str | None:
    """The configured instructor key (app secrets first, then the environment), or None when
    none is set or it is shorter than MIN_KEY_LENGTH (a short key would be guessable, so the
    instructor page stays shut)."""
    value = setting(INSTRUCTOR_KEY, secrets_, environ)
    return value if len(value) >= MIN_KEY_LENGTH else None


def verify_instructor_key(given: Any, expected: str | None) -> bool:
    """Whether `given` is the instructor key. Constant time: both sides are hashed to 32 bytes
    and compared with `hmac.compare_digest` (neither the length nor a matching prefix shows in
    the time taken). False when no key is configured. Never logs either value."""
    if not expected or not isinstance(given, str):
        return False
    a = hashlib.sha256(given.encode("utf-8", "surrogatepass")).digest()
    b = hashlib.sha256(expected.encode("utf-8", "surrogatepass")).digest()
    return hmac.compare_digest(a, b)


# ---- CSV ----------------------------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> str:
    """A value as a CSV cell a spreadsheet shows as text: a cell that starts (after spaces) with
    = + - @, a tab or a carriage return gets a leading apostrophe, so it is never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = f"{value:.1f}" if isinstance(value, float) else str(value)
    return "'" + text if text.lstrip(" ").startswith(_FORMULA_START) else text
