"""The real server's processes: its training workers are its own children and start nothing.

Streamlit runs streamlit_app.py as `__main__`, so each worker that the server spawns runs the
file again as `__mp_main__`; before the file guarded against it, every worker started a pool
and a warm-up of its own (7 processes of ~280 MB at 10 sessions instead of 3). Here with the
warm-up on, as a hosted server runs it: after a few knob changes and some idle time (the warm-up
trains), every process below the server is its direct child, and the warm-up trained runs.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from _server import start_server, stop_server  # noqa: E402
from _ws import Tab  # noqa: E402


def test_workers_are_the_servers_children_and_start_nothing():
    env = {"PLAYGROUND_TRAIN_WORKERS": "2", "PLAYGROUND_WARMUP": "1"}
    proc, base = start_server("--server.fileWatcherType=none", env=env)
    try:

        async def scenario():
            tab = Tab(base)
            try:
                await tab.open()
                for knob, value in (("activation", "ReLU"), ("width", 4), ("optimizer", "SGD")):
                    await tab.set(knob, value)
            finally:
                await tab.close()

        # in a thread of its own: a browser test's Playwright may run an event loop in this one
        failed: list[BaseException] = []
        thread = threading.Thread(target=lambda: _run(scenario, failed))
        thread.start()
        thread.join(120)
        assert not thread.is_alive() and not failed, failed
        server = psutil.Process(proc.pid)
        busy = 0.0
        for _ in range(40):  # idle: the warm-up trains in the workers
            time.sleep(0.5)
            kids = server.children(recursive=True)
            busy = sum(sum(k.cpu_times()[:2]) for k in kids if k.is_running())
            if busy > 5:
                break
        kids = server.children(recursive=True)
        assert kids and all(k.ppid() == proc.pid for k in kids), [
            (k.pid, k.ppid(), k.cmdline()[-1:]) for k in kids
        ]
        workers = [k for k in kids if "spawn_main" in " ".join(k.cmdline())]
        assert 1 <= len(workers) <= 2  # the pool starts a worker when one is needed
        assert busy > 3  # three knob changes alone cost ~1 s: the warm-up trained
    finally:
        stop_server(proc)


def _run(scenario, failed: list) -> None:
    try:
        asyncio.run(scenario())
    except BaseException as e:  # noqa: BLE001 - reported by the test
        failed.append(e)
