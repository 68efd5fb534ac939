"""Ready for Streamlit Community Cloud: the app starts with nothing but requirements.txt installed.

A fresh virtual environment (this Python, 3.11 as on Community Cloud; pip may use its local cache
and wheel folders), `pip install -r requirements.txt` and nothing else, then `streamlit run
streamlit_app.py` from it: /_stcore/health answers, and the home, exercises (joined to a room)
and instructor pages load in Chromium without an exception. Slow (about 1.5 minutes to install):
marked `slow`, and CI runs it (CI runs every test).
"""

from __future__ import annotations

import subprocess
import sys
import urllib.request
import venv
from pathlib import Path

import pytest

from tests.e2e.conftest import (
    IDLE,
    REPO,
    start_server,
    stop_server,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]
EXCEPTION = "[data-testid=stException]"
KEY = "fresh-install-key-5d1e"


def _install(folder: Path) -> str:
    """A new virtual environment with only requirements.txt; its python."""
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    python = str(folder / "bin" / "python")
    done = subprocess.run(
        [python, "-m", "pip", "install", "-q", "-r", str(REPO / "requirements.txt")],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return python


def test_the_app_runs_with_only_requirements_txt(tmp_path, browser):
    python = _install(tmp_path / "venv")
    probe = "import importlib.util as u, sys; print(sys.version_info[:2], u.find_spec('pytest'))"
    out = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == f"{tuple(sys.version_info[:2])} None"  # this Python; no test tools

    env = {"PLAYGROUND_DB": str(tmp_path / "rooms.sqlite"), "PLAYGROUND_INSTRUCTOR_KEY": KEY}
    proc, base = start_server(tmp_path / "server.log", python=python, env=env)
    try:
        with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as r:
            assert r.read().strip() == b"ok"
        # a room to join, made with the venv's own packages (the app's store, migrated)
        make = (
            "from playground.rooms import Store; "
            "print(Store.open().create_room('Fresh', ['circles_nodes']).code)"
        )
        code = subprocess.run(
            [python, "-c", make], cwd=REPO, env={**env, "PATH": "/usr/bin:/bin"},
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        context = browser.new_context()
        try:
            page = context.new_page()
            page.set_default_timeout(120_000)
            for path, needle in (
                ("", "[data-testid=stMetric]"),
                (f"exercises?room={code}&name=Ann", "h1"),
                ("instructor", "input[type=password]"),
            ):
                page.goto(f"{base}/{path}")
                page.wait_for_selector(f"{needle}, {EXCEPTION}", state="visible")
                page.wait_for_selector(IDLE, state="attached")
                assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).inner_text()
                if path.startswith("exercises"):  # joined: the room's panel names the attendee
                    assert page.get_by_text("you are", exact=False).count() == 1
            assert page.get_by_text("Fresh").count() == 0  # the instructor page is locked
        finally:
            context.close()
    finally:
        stop_server(proc)
    log = (tmp_path / "server.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]
