"""Many users at once: the real server, N concurrent sessions changing knobs for a while.

Starts `streamlit run streamlit_app.py` on a free loopback port (with the agent API, which
drives real server-side sessions over HTTP, so no browser per user is needed), opens N sessions,
and lets each act like a workshop attendee for `--seconds`: pick a knob, change it, wait for the
rerun to finish, think 1–4 s, repeat. Knob values come from small lists, so attendees sometimes
land on setups another one already trained (the cross-session run cache at work).

Reports p50/p95 rerun latency, errors and the server's peak memory (VmHWM).

    python benchmarks/load.py [--users 20] [--seconds 60]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import start_server, stop_server  # noqa: E402

KNOBS = {  # selectboxes take their displayed label (i18n.OPTION_LABELS)
    "activation": ["tanh", "ReLU", "Sigmoid", "Leaky ReLU", "ELU"],
    "learning_rate": [0.001, 0.003, 0.01, 0.03, 0.1],
    "width": [2, 4, 8, 16],
    "depth": [1, 2, 3, 4],
    "scaler": ["StandardScaler", "none", "MinMaxScaler", "Normalizer (L2)"],
    "dataset": ["moons", "circles", "xor", "spiral", "blobs"],
    "initializer": ["Glorot uniform", "He normal", "Random normal (σ 0.05)", "zeros"],
    "optimizer": ["Adam", "SGD", "Momentum", "RMSProp"],
}
TARGETS = {"p95_s": 3.0, "errors": 0, "peak_rss_mb": 1500}


def interact(port: int, body: dict, timeout: float = 60) -> dict:
    """One rerun; follows 202 'still running' answers until the run is done."""
    url = f"http://127.0.0.1:{port}/_stcore/agent/interact"
    while True:
        req = urllib.request.Request(
            url, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(req, timeout=timeout) as r:
            reply = json.loads(r.read())
            if r.status != 202:
                return reply
        body = {"session_id": reply["session_id"]}


def has_exception(node: dict) -> bool:
    return node.get("type") == "exception" or any(
        has_exception(c) for c in node.get("children", [])
    )


def attendee(
    port: int, seconds: float, seed: int, out: dict, lock: threading.Lock, think=(1.0, 4.0)
) -> None:
    rng = random.Random(seed)
    try:
        session = interact(port, {})["session_id"]
    except Exception as e:  # noqa: BLE001 - a failed session start is an error to count
        with lock:
            out["errors"].append(f"start: {e}")
        return
    end = time.time() + seconds
    while time.time() < end:
        knob = rng.choice(list(KNOBS))
        body = {"session_id": session, "widget_state": {knob: rng.choice(KNOBS[knob])}}
        start = time.perf_counter()
        try:
            reply = interact(port, body)
            bad = reply.get("status") == "error" or has_exception(reply.get("tree", {}))
        except urllib.error.HTTPError as e:
            bad, reply = True, {"error": f"{e.code}: {e.read()[:200]!r}"}
        except Exception as e:  # noqa: BLE001
            bad, reply = True, {"error": str(e)}
        took = time.perf_counter() - start
        with lock:
            out["latency"].append(took)
            if bad:
                out["errors"].append(json.dumps(reply)[:300])
        time.sleep(rng.uniform(*think))


def _hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb(pid: int) -> float:
    """High-water marks of resident memory (Linux /proc) of the server and its child processes
    (the training workers), added up: an upper bound of the peak of the whole."""
    import psutil

    procs = [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]
    return sum(_hwm_mb(p.pid) for p in procs if p.is_running())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--think", default="1,4", help="seconds an attendee looks at a result: low,high"
    )
    args = parser.parse_args()
    think = tuple(float(x) for x in args.think.split(","))
    proc, base = start_server("--server.enableAgentApi=true")
    port = int(base.rsplit(":", 1)[1])
    print(f"server on port {port}; {args.users} users for {args.seconds:.0f} s …", flush=True)
    out: dict = {"latency": [], "errors": []}
    lock = threading.Lock()
    try:
        threads = [
            threading.Thread(
                target=attendee, args=(port, args.seconds, i, out, lock, think), daemon=True
            )
            for i in range(args.users)
        ]
        for th in threads:
            th.start()
            time.sleep(0.1)  # people do not all arrive in the same millisecond
        deadline = time.time() + args.seconds + 240
        for th in threads:  # a rerun still running this long after the end counts as an error
            th.join(timeout=max(0.0, deadline - time.time()))
        stuck = sum(th.is_alive() for th in threads)
        out["errors"] += ["a session still waiting for its rerun at the end"] * stuck
        rss = peak_rss_mb(proc.pid)
    finally:
        stop_server(proc)
    lat = sorted(out["latency"])
    p50 = statistics.median(lat)
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    print(
        f"{args.users} users × {args.seconds:.0f} s, think {think[0]:g}–{think[1]:g} s, "
        f"{len(lat)} reruns on {os.cpu_count()} cores"
    )
    rows = [
        ("p50 rerun latency", f"{p50:.2f} s", ""),
        ("p95 rerun latency", f"{p95:.2f} s", f"≤ {TARGETS['p95_s']} s"),
        ("errors", str(len(out["errors"])), "0"),
        ("server peak RSS", f"{rss:.0f} MB", f"≤ {TARGETS['peak_rss_mb']} MB"),
    ]
    for name, value, target in rows:
        print(f"  {name:20s} {value:>10s}  {target}")
    ok = p95 <= TARGETS["p95_s"] and not out["errors"] and rss <= TARGETS["peak_rss_mb"]
    print("PASS" if ok else "FAIL")
    for e in out["errors"][:5]:
        print("  error:", e)


if __name__ == "__main__":
    main()
