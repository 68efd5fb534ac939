"""A real browser tab that closes while its long run trains: the server's long-run worker
process stops computing within 2 s (Streamlit disconnects the session, the run is cancelled)."""

from __future__ import annotations

import time

import psutil

from playground import remote

# Long (queued, trained in the low-priority worker) but below the confirmation threshold:
# about 14 CPU-s by the cost model.
LONG = "?n_samples=2000&epochs=100&batch_size=1&width=8&depth=2"


def _long_worker(port: int) -> psutil.Process | None:
    """The long-run worker of the server on `port`: a child at the workers' niceness."""
    for proc in psutil.process_iter(["cmdline"]):
        if any(f"--server.port={port}" in part for part in proc.info["cmdline"] or ()):
            for child in proc.children(recursive=True):
                try:
                    if child.nice() == remote.NICE:
                        return child
                except psutil.NoSuchProcess:
                    continue
    return None


def _busy_share(proc: psutil.Process, seconds: float = 0.5) -> float:
    """Share of one core `proc` used over the next `seconds`."""
    before = sum(proc.cpu_times()[:2])
    time.sleep(seconds)
    return (sum(proc.cpu_times()[:2]) - before) / seconds


def test_closing_the_tab_stops_its_long_run(server, new_page):
    port = int(server.rsplit(":", 1)[1])
    page = new_page()
    page.goto(f"{server}/{LONG}")
    page.wait_for_selector("[data-testid=stProgress]", state="visible", timeout=90_000)
    worker = _long_worker(port)
    assert worker is not None, "no long-run worker process"
    # training: at least the tenth of a core it keeps when the machine is busy (remote.Yielding)
    assert _busy_share(worker, 1.5) > 0.04
    page.context.close()
    time.sleep(2.0)
    assert _busy_share(worker, 1.5) < 0.015  # 2 s after the tab closed it computes nothing
    assert worker.is_running()  # stopped its job, still there for the next one
