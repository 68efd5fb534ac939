"""Real-browser fixtures: one `streamlit run` server per session, Debian's headless chromium
driven by Playwright, and helpers that wait for Streamlit to be idle.

Without /usr/bin/chromium the tests are skipped — unless CI=true, where they fail: CI must
never pass by silently skipping the browser tests.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = REPO / "artifacts" / "screenshots"
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
START_TIMEOUT = 60  # s: server health, and the first page (cold imports, first training)
RERUN_TIMEOUT = 60_000  # ms


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    log_path: Path, python: str = sys.executable, env: dict[str, str] | None = None
) -> tuple[subprocess.Popen, str]:
    """`streamlit run streamlit_app.py` on a free local port (own process group) with `python`,
    this environment plus `env`; returns the process and its base URL once /_stcore/health says
    ok."""
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115 (closed by stop_server)
    proc = subprocess.Popen(
        [
            python,
            "-m",
            "streamlit",
            "run",
            "streamlit_app.py",
            "--server.headless=true",
            f"--server.port={port}",
            "--server.address=127.0.0.1",
        ],
        cwd=REPO,
        env={**os.environ, "PLAYGROUND_TRAIN_WORKERS": "2", **(env or {})},  # as deployed: a pool
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stop_server kills all of it
    )
    proc.log = log  # type: ignore[attr-defined]
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return proc, base
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    tail = log_path.read_text(errors="replace")[-3000:]
    raise RuntimeError(f"streamlit did not become healthy within {START_TIMEOUT} s:\n{tail}")


def stop_server(proc: subprocess.Popen) -> None:
    """Terminate the server's whole process group; kill it if it does not stop in 10 s."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        proc.log.close()  # type: ignore[attr-defined]


def require_browser() -> None:
    """Skip (outside CI) or fail (CI=true) when the browser or Playwright is missing."""
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "python playwright is not installed (pip install -r requirements-dev.txt)"
    if not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium fonts-nanum, see .ci/run)"
    if reason is None:
        return
    if os.environ.get("CI", "").lower() in ("true", "1"):
        pytest.fail(f"CI=true but {reason}: browser tests must run in CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    """Base URL of a streamlit server running the app for this test session."""
    require_browser()
    proc, base = start_server(tmp_path_factory.mktemp("streamlit") / "server.log")
    try:
        yield base
    finally:
        stop_server(proc)


@contextmanager
def chromium() -> Iterator:
    """Debian's headless chromium under Playwright, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="session")
def browser():
    """The one chromium of the test process (Playwright's sync API allows one at a time)."""
    require_browser()
    with chromium() as b:
        yield b


@pytest.fixture
def new_page(browser) -> Iterator[Callable]:
    """`new_page(width=1280, height=800, locale="en-US")`: a page in a fresh context."""
    contexts = []

    def make(width: int = 1280, height: int = 800, locale: str = "en-US"):
        ctx = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
        ctx.set_default_timeout(RERUN_TIMEOUT)
        count_websockets(ctx)
        contexts.append(ctx)
        return ctx.new_page()

    yield make
    for ctx in contexts:
        ctx.close()


# Counts the app's websocket traffic (installed in every context before the page loads). A rerun
# is seen by the messages it causes, not only by the script-state attribute: under load the
# browser can handle "started" and "finished" in one React render, so the attribute never
# shows "running" (the tests then waited their full timeout for a rerun that had happened).
WS_COUNTER = """(() => {
  const Native = window.WebSocket;
  window.__wsIn = 0; window.__wsOut = 0; window.__inAtSend = 0; window.__lastIn = 0;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => {
        window.__wsIn += 1; window.__lastIn = performance.now();
      });
    }
    send(data) {
      window.__wsOut += 1; window.__inAtSend = window.__wsIn;
      return super.send(data);
    }
  };
})();"""

WATCH_RUNS = """() => {
  const app = document.querySelector('[data-testid=stApp]');
  window.__sawRunning = false;
  window.__outBefore = window.__wsOut;
  if (window.__runWatch) window.__runWatch.disconnect();
  // a fast rerun can go running -> notRunning before the callback reads the attribute: the
  // records' old values say it ran
  window.__runWatch = new MutationObserver((records) => {
    if (app.getAttribute('data-test-script-state') === 'running'
        || records.some((r) => r.oldValue === 'running')) window.__sawRunning = true;
  });
  window.__runWatch.observe(app, {attributes: true, attributeOldValue: true,
                                  attributeFilter: ['data-test-script-state']});
}"""
# Done: idle, and either the attribute went through "running", or the click went out as a
# message, answers came back after it, and the socket has been quiet for 400 ms.
RUN_DONE = """() => {
  const idle = document.querySelector('[data-testid=stApp]')
    .getAttribute('data-test-script-state') === 'notRunning';
  if (!idle) return false;
  if (window.__sawRunning) return true;
  return window.__wsOut !== undefined && window.__wsOut > window.__outBefore
    && window.__wsIn > window.__inAtSend && performance.now() - window.__lastIn > 400;
}"""
CLICK_SENT = "() => window.__wsOut === undefined || window.__wsOut > window.__outBefore"


def count_websockets(context) -> None:
    """Install WS_COUNTER in a browser context (before its pages open the app)."""
    context.add_init_script(WS_COUNTER)


class App:
    """Drives the app at `base` in a Playwright page."""

    def __init__(self, base: str) -> None:
        self.base = base

    @staticmethod
    def wait_idle(page, settle_ms: int = 300) -> None:
        """Streamlit finished its script run (and the browser had a moment to draw)."""
        page.wait_for_selector(IDLE, state="attached", timeout=RERUN_TIMEOUT)
        page.wait_for_timeout(settle_ms)

    def open(self, page, query: str = "") -> None:
        """Navigate (after the current page, if any, is idle) and wait until the first run
        drew the page: the metrics or an exception on screen, and the app idle."""
        if page.url.startswith("http"):
            self.wait_idle(page, settle_ms=100)
        page.goto(f"{self.base}/{query}")
        page.wait_for_selector(
            "[data-testid=stException], [data-testid=stMetric]",
            state="visible",
            timeout=START_TIMEOUT * 1000,
        )
        self.wait_idle(page)

    def rerun(self, page, action: Callable[[], object], settle_ms: int = 300) -> None:
        """Do `action` (a click) and wait for the rerun it causes (RUN_DONE: a plain wait for
        notRunning could pass before it started). A click that sent nothing in 10 s is
        repeated once."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        self.wait_idle(page, settle_ms=0)
        page.evaluate(WATCH_RUNS)
        action()
        try:  # a click the app never sent (it landed while the page re-rendered): once more
            page.wait_for_function(CLICK_SENT, timeout=10_000, polling=100)
        except PlaywrightTimeout:
            action()
        page.wait_for_function(RUN_DONE, timeout=RERUN_TIMEOUT, polling=50)
        page.wait_for_timeout(settle_ms)

    @staticmethod
    def screenshot(page, name: str, height: int = 2200) -> Path:
        """The whole page as artifacts/screenshots/<name>.png. Streamlit scrolls inside its
        own container, so a full-page shot needs a tall viewport, not full_page=True."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.set_viewport_size({"width": page.viewport_size["width"], "height": height})
        page.wait_for_timeout(800)  # charts re-measure their containers
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def app(server) -> App:
    return App(server)
