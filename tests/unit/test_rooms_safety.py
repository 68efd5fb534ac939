"""Room safety rules without a database: codes, names, the instructor key, CSV cells, the
database address. Each rule is tried with values that must pass and values that must fail."""

from __future__ import annotations

import math
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from playground.rooms import db, safety
from playground.rooms.errors import NameRejected

ROOT = Path(__file__).resolve().parents[2]


# ---- room codes ---------------------------------------------------------------------------------
def test_codes_are_unguessable_and_unique():
    codes = [safety.new_room_code() for _ in range(1000)]
    assert len(set(codes)) == 1000
    assert {len(c) for c in codes} == {12}
    assert set("".join(codes)) <= set(safety.CODE_ALPHABET)
    assert len(set(safety.CODE_ALPHABET)) == 32 and not set("ILOU") & set(safety.CODE_ALPHABET)
    assert safety.CODE_LENGTH * math.log2(len(safety.CODE_ALPHABET)) >= 60 == safety.CODE_BITS
    # every symbol shows up about equally often (12,000 draws: 375 each; sd ~19)
    counts = Counter("".join(codes))
    assert len(counts) == 32 and all(250 < n < 500 for n in counts.values()), counts


def test_codes_come_from_the_secrets_module(monkeypatch):
    drawn = []
    real = safety.secrets.choice
    monkeypatch.setattr(safety.secrets, "choice", lambda seq: drawn.append(1) or real(seq))
    safety.new_room_code()
    assert len(drawn) == 12


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("7K3M-Q9XA-W2HD", "7K3MQ9XAW2HD"),
        ("7k3m q9xa w2hd", "7K3MQ9XAW2HD"),
        (" 7k3mq9xaw2hd\n", "7K3MQ9XAW2HD"),
        ("OOOO-IIII-LLLL", "000011111111"),  # read-aloud mix-ups map to the digits
        ("7K3M-Q9XA-W2H", None),  # one short
        ("7K3M-Q9XA-W2HDX", None),  # one long
        ("7K3M-Q9XA-W2HU", None),  # U is not in the alphabet
        ("7K3M-Q9XA-W2H!", None),
        ("", None),
        ("A" * 65, None),
        (None, None),
        (123456789012, None),
    ],
)
def test_typed_codes(typed, stored):
    assert safety.normalize_code(typed) == stored


def test_code_shown_in_groups():
    assert safety.format_code("7K3MQ9XAW2HD") == "7K3M-Q9XA-W2HD"


# ---- display names ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        (" Ann ", "Ann"),
        ("Ann   Lee", "Ann Lee"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # text, kept verbatim
        ("**bold** [x](javascript:y)", "**bold** [x](javascript:y)"),
        ("김민수", "김민수"),
        ("👩\u200d💻 Dev", "👩\u200d💻 Dev"),  # an emoji joined with ZWJ stays
        ("A" * 40, "A" * 40),
        ("e\u0301" * 40, "é" * 40),  # 80 code points typed, 40 characters after NFC
    ],
)
def test_names_accepted(typed, shown):
    assert safety.clean_name(typed)[0] == shown


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("A" * 41, "rooms.name_too_long"),
        ("Ann\nLee", "rooms.name_control"),
        ("Ann\tLee", "rooms.name_control"),
        ("Ann\x00", "rooms.name_control"),
        ("Ann\x1b[31m", "rooms.name_control"),
        ("\u202eevil", "rooms.name_control"),  # right-to-left override
        ("Ann\u2028Lee", "rooms.name_control"),  # line separator
        ("", "rooms.name_empty"),
        ("   ", "rooms.name_empty"),
        (None, "rooms.name_empty"),
        (42, "rooms.name_empty"),
    ],
)
def test_names_refused(typed, key):
    with pytest.raises(NameRejected) as e:
        safety.clean_name(typed)
    assert e.value.key == key and str(e.value)  # a plain message besides the key


def test_too_long_names_message_counts():
    with pytest.raises(NameRejected, match="at most 40 characters \\(this one has 41\\)"):
        safety.clean_name("B" * 41)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ann", "ANN", True),
        ("Ann Lee", " ann  lee ", True),
        ("Ａｎｎ", "ann", True),  # full-width letters
        ("Straße", "STRASSE", True),
        ("Ann", "Anne", False),
        ("민수", "민 수", False),
    ],
)
def test_name_keys_ignore_case(a, b, same):
    assert (safety.clean_name(a)[1] == safety.clean_name(b)[1]) is same


# ---- the instructor key -------------------------------------------------------------------------
KEY = "correct horse battery staple"


@pytest.mark.parametrize(
    ("given", "expected", "ok"),
    [
        (KEY, KEY, True),
        ("비밀번호-열두-글자-이상", "비밀번호-열두-글자-이상", True),
        (KEY + " ", KEY, False),
        (KEY[:-1], KEY, False),
        (KEY.upper(), KEY, False),
        ("", KEY, False),
        (None, KEY, False),
        (["list"], KEY, False),
        (KEY, "", False),  # no key configured: nobody is the instructor
        (KEY, None, False),
        ("", "", False),
    ],
)
def test_instructor_key(given, expected, ok):
    assert safety.verify_instructor_key(given, expected) is ok


def test_instructor_key_uses_constant_time_compare(monkeypatch):
    calls = []
    real = safety.hmac.compare_digest
    monkeypatch.setattr(
        safety.hmac, "compare_digest", lambda a, b: calls.append((len(a), len(b))) or real(a, b)
    )
    assert safety.verify_instructor_key("short", KEY) is False
    assert safety.verify_instructor_key(KEY, KEY) is True
    assert calls == [(32, 32), (32, 32)]  # digests: the key's length does not show either


@pytest.mark.parametrize(
    ("secrets_", "environ", "key"),
    [
        ({safety.INSTRUCTOR_KEY: KEY}, {}, KEY),
        ({}, {safety.INSTRUCTOR_KEY: f"  {KEY}\n"}, KEY),
        ({safety.INSTRUCTOR_KEY: KEY}, {safety.INSTRUCTOR_KEY: "other-key-123456"}, KEY),
        ({safety.INSTRUCTOR_KEY: "short"}, {}, None),  # guessable: the page stays shut
        ({safety.INSTRUCTOR_KEY: "   "}, {}, None),
        (None, {}, None),
    ],
)
def test_instructor_key_setting(secrets_, environ, key):
    assert safety.instructor_key(secrets_, environ) == key


def test_instructor_key_never_logged(caplog):
    with caplog.at_level("DEBUG"):
        safety.verify_instructor_key(KEY, KEY)
        safety.verify_instructor_key("wrong key", KEY)
        safety.instructor_key({safety.INSTRUCTOR_KEY: KEY}, {})
    assert KEY not in caplog.text and "wrong key" not in caplog.text


# ---- CSV cells ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("Ann", "Ann"),
        ("a=b", "a=b"),
        ("김=1", "김=1"),
        (12.34, "12.3"),
        (3, "3"),
        (True, "yes"),
        (False, "no"),
        (None, ""),
    ],
)
def test_csv_cells(value, cell):
    assert safety.csv_cell(value) == cell


# ---- the database address -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("secrets_", "environ", "url"),
    [
        (None, {}, f"sqlite:///{db.DEFAULT_PATH}"),
        (None, {"PLAYGROUND_DB": "/data/r.sqlite"}, "sqlite:////data/r.sqlite"),
        (None, {"PLAYGROUND_DB": "postgres://u:p@h/d"}, "postgresql+psycopg://u:p@h/d"),
        ({"PLAYGROUND_DB": "postgresql://u:p@h:5432/d"}, {}, "postgresql+psycopg://u:p@h:5432/d"),
        ({"PLAYGROUND_DB": "postgresql://s@h/d"}, {"PLAYGROUND_DB": "/e.sqlite"}, None),
        ({"PLAYGROUND_DB": " "}, {"PLAYGROUND_DB": "/e.sqlite"}, "sqlite:////e.sqlite"),
        (None, {"PLAYGROUND_DB": "sqlite:///x.db"}, "sqlite:///x.db"),
    ],
)
def test_database_url(secrets_, environ, url):
    got = db.database_url(secrets_, environ)
    assert got == (url or "postgresql+psycopg://s@h/d")


def test_database_address_hides_its_password():
    shown = db.describe("postgresql+psycopg://user:s3cret-pw@host/db")
    assert "s3cret-pw" not in shown and "user" in shown and "host/db" in shown


def test_rooms_package_does_not_import_streamlit():
    code = "import sys, playground.rooms; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


# ---- names and codes from arbitrary text --------------------------------------------------------
@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_a_clean_name_or_a_plain_refusal(text):
    try:
        name, key = safety.clean_name(text)
    except NameRejected as e:
        assert e.key in ("rooms.name_empty", "rooms.name_control", "rooms.name_too_long")
        return
    assert 0 < len(name) <= safety.MAX_NAME and name == name.strip()
    assert not any(unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") for c in name)
    assert safety.clean_name(name) == (name, key)  # cleaning twice changes nothing


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(max_size=30))
def test_any_typed_code_is_a_code_or_none(text):
    code = safety.normalize_code(text)
    assert code is None or (len(code) == 12 and set(code) <= set(safety.CODE_ALPHABET))


class _NoSecretsFile(dict):
    """st.secrets without a secrets.toml: every read raises (a FileNotFoundError)."""

    def get(self, key, default=None):
        raise FileNotFoundError("No secrets found")


def test_missing_secrets_file_falls_back_to_the_environment():
    env = {"PLAYGROUND_DB": "/e.sqlite", safety.INSTRUCTOR_KEY: KEY}
    assert db.database_url(_NoSecretsFile(), env) == "sqlite:////e.sqlite"
    assert safety.instructor_key(_NoSecretsFile(), env) == KEY
    assert db.database_url(_NoSecretsFile(), {}) == f"sqlite:///{db.DEFAULT_PATH}"
    assert safety.instructor_key(_NoSecretsFile(), {}) is None
