"""Live play on the Playground: frames a second and bytes a frame, 1 and N sessions at once.

Starts the app, opens each session as a browser tab without the browser (benchmarks/_ws.py, the
frontend's own websocket messages; its `auto_rerun` timer reruns the fragment as a browser
does), presses Play on the default network with 1000 epochs and counts, for `--seconds`, the
frames drawn (a frame: the boundary redrawn; with it the metrics and status line, and the
curves when an epoch was added) and the websocket bytes they brought. Prints the median per
session, the server's CPU seconds per second and per frame (less sensitive to a busy machine
than frames a second) and the 1-min load average.

The real-browser figure: one Chromium tab (Playwright, /usr/bin/chromium) opens the page and
presses Play beside the n - 1 websocket tabs; its frames are counted in the page (the live
status line changes with every frame drawn) and its bytes on its websocket. Ten Chromium tabs
on the same 2 cores would measure Chromium rather than the server; the other sessions cost
the server the same through the websocket protocol. Chromium shares the machine's cores with
the server (and so does this process): the load average is printed beside each phase.

    python benchmarks/live.py [--sessions 1 10] [--seconds 15] [--no-browser]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1]))  # the app's texts
from _server import start_server, stop_server  # noqa: E402
from _ws import Tab  # noqa: E402
from page import CHROMIUM, CHROMIUM_ARGS, IDLE  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from playground.app.i18n import EN  # noqa: E402

QUERY = "epochs=1000"
TARGET_FPS, TARGET_KB = 5, 60  # issue 10: per session at 10 sessions; per frame


class Counting(Tab):
    """A tab that counts frames and the bytes received while counting. A frame is one redraw
    of the live boundary (its chart's datasets are named live_boundary_*), which changes with
    every training step; the curves are redrawn only when an epoch was added, the metrics and
    the status line with every frame."""

    counting = False
    frames = 0
    frame_bytes = 0

    def _handle(self, payload: bytes) -> None:
        if self.counting:
            self.frame_bytes += len(payload)
        super()._handle(payload)

    def _element(self, el, run) -> None:
        if self.counting and el.WhichOneof("type") == "vega_lite_chart":
            names = [d.name for d in el.vega_lite_chart.datasets]
            self.frames += any(n.startswith("live_boundary") for n in names)
        super()._element(el, run)


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of the server process and its children so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / 100  # utime, stime, cutime, cstime (ticks)


# In the page: count the frames drawn (the live status line changes with every frame: its
# epoch and mini-batch) from the moment `window.__frames` is set to 0.
OBSERVE = """() => {
  window.__frames = null; let last = null;
  const seen = (node) => {
    const box = (node.nodeType === 3 ? node.parentElement : node)
      ?.closest?.('[data-testid=stCaptionContainer]');
    const text = box?.textContent;
    if (text && text.startsWith(%s) && text !== last) {
      last = text;
      if (window.__frames !== null) window.__frames += 1;
    }
  };
  new MutationObserver((records) => { for (const r of records) seen(r.target); })
    .observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


class Browser:
    """One Chromium tab on the page (Playwright): frames drawn in it and bytes received."""

    def __init__(self, base: str) -> None:
        self.base, self.bytes, self.sent, self.counting = base, 0, 0, False

    async def open(self, pw) -> None:
        self.browser = await pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        self.page = await self.browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("websocket", lambda ws: ws.on("framereceived", self._add))
        await self.page.goto(f"{self.base}/?{QUERY}")
        await self.page.wait_for_selector(IDLE, state="attached", timeout=90_000)
        await self.page.wait_for_selector("[data-testid=stMetric]", timeout=90_000)
        prefix = EN["live.at"].split("{")[0]
        await self.page.evaluate(OBSERVE % json.dumps(prefix))
        beyond = EN["live.beyond"].format(epochs=1000)
        await self.page.get_by_text(beyond, exact=True).click()  # see phase()
        await self.page.wait_for_selector(IDLE, state="attached", timeout=90_000)
        await self.page.wait_for_timeout(500)
        await self.page.get_by_role("button", name=EN["live.play"], exact=True).click()

    def _add(self, payload) -> None:
        if not self.counting:
            return
        self.bytes += len(payload) if isinstance(payload, bytes) else len(payload.encode())
        if isinstance(payload, bytes):  # a frame the server sent: its boundary chart
            msg = ForwardMsg()
            msg.ParseFromString(payload)
            if msg.WhichOneof("type") == "delta" and msg.delta.WhichOneof("type") == "new_element":
                el = msg.delta.new_element
                if el.WhichOneof("type") == "vega_lite_chart":
                    names = [d.name for d in el.vega_lite_chart.datasets]
                    self.sent += any(n.startswith("live_boundary") for n in names)

    async def start(self) -> None:
        self.bytes, self.sent, self.counting = 0, 0, True
        await self.page.evaluate("() => { window.__frames = 0; }")

    async def stop(self) -> int:
        self.counting = False
        return await self.page.evaluate("() => window.__frames")

    async def close(self) -> None:
        await self.browser.close()


async def phase(base: str, n: int, seconds: float, pid: int, browser: bool) -> dict:
    """n sessions playing: n websocket tabs, or with `browser` one Chromium tab and n - 1
    websocket tabs (the browser tab opens and presses Play last)."""
    tabs = [Counting(base, query=QUERY) for _ in range(n - browser)]
    for tab in tabs:
        await tab.open()
    for tab in tabs:  # past the budget: a lone session would end its 1000 epochs mid-phase
        await tab.set("live_beyond", True)
        await tab.click("live_play")
    async with contextlib.AsyncExitStack() as stack:
        real = None
        if browser:
            from playwright.async_api import async_playwright

            real = Browser(base)
            await real.open(await stack.enter_async_context(async_playwright()))
            stack.push_async_callback(real.close)
        await asyncio.sleep(2.0)  # past the page's own rerun at Play
        cpu = cpu_seconds(pid)
        for tab in tabs:
            tab.counting = True
        if real:
            await real.start()
        await asyncio.sleep(seconds)
        for tab in tabs:
            tab.counting = False
        drawn = await real.stop() if real else 0
        cpu = cpu_seconds(pid) - cpu
    fps = [t.frames / seconds for t in tabs]
    per_frame = [t.frame_bytes / max(t.frames, 1) / 1000 for t in tabs]
    for tab in tabs:
        await tab.close()
    frames = sum(t.frames for t in tabs) + drawn
    return {
        "sessions": n,
        "fps_median": statistics.median(fps) if fps else float("nan"),
        "fps_min": min(fps, default=float("nan")),
        "kb_per_frame_median": statistics.median(per_frame) if per_frame else float("nan"),
        "browser_fps": drawn / seconds if real else None,
        "browser_kb": real.bytes / max(real.sent, 1) / 1000 if real else None,
        "browser_sent": real.sent / seconds if real else None,
        "server_cpu_per_s": cpu / seconds,
        "cpu_ms_per_frame": 1000 * cpu / max(frames, 1),
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument(
        "--no-browser", action="store_true", help="websocket tabs only (no Chromium tab)"
    )
    args = parser.parse_args()
    browser = not args.no_browser and Path(CHROMIUM).exists()
    print(
        "Live play, default network, 1000 epochs; each phase: "
        + ("one Chromium tab (measured in the page) and the other sessions as " if browser else "")
        + "websocket tabs (benchmarks/_ws.py: the frontend's messages, no drawing). "
        f"Targets: >= {TARGET_FPS:g} frames/s per session at 10 sessions, <= {TARGET_KB:g} KB a "
        f"frame. {os.cpu_count()} cores, 1-min load {os.getloadavg()[0]:.1f} at the start."
    )
    proc, base = start_server(env={"PLAYGROUND_WARMUP": "0"})
    try:
        for n in args.sessions:
            r = asyncio.run(phase(base, n, args.seconds, proc.pid, browser))
            line = f"{r['sessions']:3d} sessions:"
            if r["browser_fps"] is not None:
                verdict = "PASS" if r["browser_fps"] >= TARGET_FPS else "FAIL"
                verdict += "" if r["browser_kb"] <= TARGET_KB else " (KB FAIL)"
                line += (
                    f" browser tab {r['browser_fps']:.1f} frames/s drawn ({r['browser_sent']:.1f} "
                    f"sent), {r['browser_kb']:.1f} KB a frame sent [{verdict}];"
                )
            if n - browser > 0:
                line += (
                    f" websocket tabs {r['fps_median']:.1f} frames/s median (slowest "
                    f"{r['fps_min']:.1f}), {r['kb_per_frame_median']:.1f} KB a frame;"
                )
            print(
                f"{line} server {r['server_cpu_per_s']:.2f} CPU-s/s, "
                f"{r['cpu_ms_per_frame']:.0f} CPU-ms a frame (1-min load {r['load']:.1f})",
                flush=True,
            )
            time.sleep(1)
    finally:
        stop_server(proc)


if __name__ == "__main__":
    main()
