"""Live play on the Playground: frames a second and bytes a frame, 1 and N sessions at once.

Starts the app, opens each session as a browser tab without the browser (benchmarks/_ws.py, the
frontend's own websocket messages; its `auto_rerun` timer reruns the fragment as a browser
does), presses Play on the default network with 1000 epochs and counts, for `--seconds`, the
frames drawn (a frame: the boundary redrawn; with it the metrics and status line, and the
curves when an epoch was added) and the websocket bytes they brought. Prints the median per
session, the server's CPU seconds per second and per frame (less sensitive to a busy machine
than frames a second) and the 1-min load average.

All sessions here are websocket tabs (no browser draws the frames): this measures the server.
The issue's "real browser" figure needs one Chromium tab measured beside them (not built yet).

    python benchmarks/live.py --sessions 1 10 --seconds 15
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import start_server, stop_server  # noqa: E402
from _ws import Tab  # noqa: E402

QUERY = "epochs=1000"


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


async def phase(base: str, n: int, seconds: float, pid: int) -> dict:
    tabs = [Counting(base, query=QUERY) for _ in range(n)]
    for tab in tabs:
        await tab.open()
    for tab in tabs:
        await tab.click("live_play")
    await asyncio.sleep(2.0)  # past the page's own rerun at Play
    cpu = cpu_seconds(pid)
    for tab in tabs:
        tab.counting = True
    await asyncio.sleep(seconds)
    for tab in tabs:
        tab.counting = False
    cpu = cpu_seconds(pid) - cpu
    fps = [t.frames / seconds for t in tabs]
    per_frame = [t.frame_bytes / max(t.frames, 1) / 1000 for t in tabs]
    for tab in tabs:
        await tab.close()
    return {
        "sessions": n,
        "fps_median": statistics.median(fps),
        "fps_min": min(fps),
        "kb_per_frame_median": statistics.median(per_frame),
        "server_cpu_per_s": cpu / seconds,
        "cpu_ms_per_frame": 1000 * cpu / max(sum(t.frames for t in tabs), 1),
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--seconds", type=float, default=15.0)
    args = parser.parse_args()
    proc, base = start_server(env={"PLAYGROUND_WARMUP": "0"})
    try:
        for n in args.sessions:
            r = asyncio.run(phase(base, n, args.seconds, proc.pid))
            print(
                f"{r['sessions']:3d} sessions: {r['fps_median']:.1f} frames/s per session "
                f"(slowest {r['fps_min']:.1f}), {r['kb_per_frame_median']:.1f} KB a frame, "
                f"server CPU {r['server_cpu_per_s']:.2f} s/s, "
                f"{r['cpu_ms_per_frame']:.0f} CPU-ms a frame (1-min load {r['load']:.1f})"
            )
            time.sleep(1)
    finally:
        stop_server(proc)


if __name__ == "__main__":
    main()
