"""Many users at once: the real server, N concurrent sessions changing knobs for a while.

Starts `streamlit run streamlit_app.py` on a free loopback port (with the agent API, which
drives real server-side sessions over HTTP, so no browser per user is needed), opens N sessions,
and lets each act like a workshop attendee for `--seconds`: pick a knob, change it, wait for the
rerun to finish, think 1–4 s, repeat. Knob values come from small lists, so attendees sometimes
land on setups another one already trained (the cross-session run cache at work).

Reports p50/p95 rerun latency, errors and the server's peak memory (VmHWM).

    python benchmarks/load.py [--users 20] [--seconds 60]

Costly tabs (`--costly 4`): besides the attendees, that many sessions open the issue's link
(2000 samples, 1000 epochs, batch size 1, 6 × 32 Maxout: ~450 CPU-s each) and press the
confirmation button if the page asks; with `--compare` the same attendees run on a fresh server
without them, then on another with them (`--rounds` times, alternating, since a shared machine's
load drifts), and the report says how much slower the attendees' reruns were with the costly
tabs, pooled over the rounds (target: ≤ 20 %). `--max-run-seconds` sets PLAYGROUND_MAX_RUN_SECONDS
for the server (default: the app's own cap, which refuses the link; 1000 lets it train).

    python benchmarks/load.py --users 6 --think 2,5 --seconds 60 --costly 4 --compare --rounds 3
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
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
TARGETS = {"p95_s": 3.0, "errors": 0, "peak_rss_mb": 1500, "slowdown": 1.2}
COSTLY_LINK = {  # the link, as a bound widget reads it
    "n_samples": "2000", "epochs": "1000", "batch_size": "1", "width": "32", "depth": "6",
    "activation": "Maxout", "test_fraction": "0.1", "learning_rate": "1e-05",
}  # fmt: skip


def interact(port: int, body: dict, timeout: float = 60, until: float | None = None) -> dict:
    """One rerun; follows 'still running' answers until the run is done (or time `until`)."""
    url = f"http://127.0.0.1:{port}/_stcore/agent/interact"
    while True:
        req = urllib.request.Request(
            url, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                reply = json.loads(r.read())
                if r.status != 202:
                    return reply
        except urllib.error.HTTPError as e:  # wait_timed_out: the run goes on, collect it
            reply = json.loads(e.read() or b"{}")
            if "wait_timed_out" not in json.dumps(reply) or "session_id" not in reply:
                raise
        if until is not None and time.time() > until:
            return reply
        body = {"session_id": reply["session_id"]}


def costly_tab(port: int, seconds: float, out: dict, lock: threading.Lock) -> None:
    """The issue's link; press the confirmation button if the page asks; then leave it
    training (collecting its long run) until the end."""
    end = time.time() + seconds
    try:
        reply = interact(port, {"query_params": {k: [v] for k, v in COSTLY_LINK.items()}}, 60, end)
        seen = json.dumps(reply)
        state = "refused" if "more than this server allows" in seen else "trained"
        if "budget_confirm" in seen:
            body = {"session_id": reply["session_id"], "trigger": {"key": "budget_confirm"}}
            state = "confirmed"
            interact(port, body, 60, end)
    except Exception as e:  # noqa: BLE001 - counted, not fatal
        state = f"error: {e}"
    with lock:
        out["costly"].append(state)


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


def phase(args, think, costly: int) -> dict:
    """A fresh server, the attendees (and `costly` costly tabs) for args.seconds."""
    env = (
        {} if args.max_run_seconds is None else {"PLAYGROUND_MAX_RUN_SECONDS": args.max_run_seconds}
    )
    # no file watcher: edits to the checkout during the run must not reload the app mid-benchmark
    flags = ("--server.enableAgentApi=true", "--server.fileWatcherType=none")
    proc, base = start_server(*flags, env=env)
    port = int(base.rsplit(":", 1)[1])
    out: dict = {"latency": [], "errors": [], "costly": [], "load": [os.getloadavg()[0]]}
    lock = threading.Lock()
    try:
        threads = [
            threading.Thread(target=costly_tab, args=(port, args.seconds, out, lock), daemon=True)
            for _ in range(costly)
        ]
        for th in threads:
            th.start()
        time.sleep(2 if costly else 0)  # the costly tabs are there first
        users = [
            threading.Thread(
                target=attendee, args=(port, args.seconds, i, out, lock, think), daemon=True
            )
            for i in range(args.users)
        ]
        for th in users:
            th.start()
            time.sleep(0.1)  # people do not all arrive in the same millisecond
        deadline = time.time() + args.seconds + 240
        for th in users:  # a rerun still running this long after the end counts as an error
            th.join(timeout=max(0.0, deadline - time.time()))
        stuck = sum(th.is_alive() for th in users)
        out["errors"] += ["a session still waiting for its rerun at the end"] * stuck
        out["load"].append(os.getloadavg()[0])
        out["rss"] = peak_rss_mb(proc.pid)
        out["cpu"] = cpu_seconds(proc.pid)
    finally:
        stop_server(proc)
    lat = sorted(out["latency"]) or [math.nan]
    out["p50"] = statistics.median(lat)
    out["p95"] = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    return out


def report(name: str, out: dict) -> None:
    costly = ", ".join(f"{n} {s}" for s, n in Counter(out["costly"]).items()) or "none"
    print(f"{name}: {len(out['latency'])} reruns; costly tabs: {costly}")
    rows = [
        ("p50 rerun latency", f"{out['p50']:.2f} s", ""),
        ("p95 rerun latency", f"{out['p95']:.2f} s", f"≤ {TARGETS['p95_s']} s"),
        ("errors", str(len(out["errors"])), "0"),
        ("server peak RSS", f"{out['rss']:.0f} MB", f"≤ {TARGETS['peak_rss_mb']} MB"),
        ("load average (1 min)", " → ".join(f"{v:.2f}" for v in out["load"]), ""),
        ("CPU-s server/pool/long", "/".join(f"{v:.0f}" for v in out["cpu"].values()), ""),
    ]
    for row, value, target in rows:
        print(f"  {row:22s} {value:>14s}  {target}")
    for e in out["errors"][:5]:
        print("  error:", e)


def cpu_seconds(pid: int) -> dict[str, float]:
    """CPU-seconds used so far by the server, its short-run pool and its long-run workers
    (the children at the lowest priority)."""
    import psutil

    server = psutil.Process(pid)
    out = {"server": sum(server.cpu_times()[:2]), "pool": 0.0, "long": 0.0}
    for child in server.children(recursive=True):
        try:
            out["long" if child.nice() > 0 else "pool"] += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument(
        "--think", default="1,4", help="seconds an attendee looks at a result: low,high"
    )
    parser.add_argument("--costly", type=int, default=0, help="tabs opening the issue's link")
    parser.add_argument(
        "--compare", action="store_true", help="first without the costly tabs, then with them"
    )
    parser.add_argument("--max-run-seconds", default=None, help="PLAYGROUND_MAX_RUN_SECONDS")
    parser.add_argument("--rounds", type=int, default=1, help="with --compare: alternations")
    args = parser.parse_args()
    think = tuple(float(x) for x in args.think.split(","))
    print(
        f"{args.users} users × {args.seconds:.0f} s, think {think[0]:g}–{think[1]:g} s, "
        f"{os.cpu_count()} cores, cap {args.max_run_seconds or 'default'}",
        flush=True,
    )
    with_costly = f"with {args.costly} costly tabs" if args.costly else "attendees"
    phases = [("without costly tabs", 0), (with_costly, args.costly)] * args.rounds
    phases = phases if args.compare else [(with_costly, args.costly)]
    results = []
    for i, (name, costly) in enumerate(phases):
        print(f"… {name} (round {i // 2 + 1})", flush=True)
        results.append((name, phase(args, think, costly)))
    ok = True
    for name, out in results:
        report(name, out)
        ok &= out["p95"] <= TARGETS["p95_s"] and not out["errors"]
        ok &= out["rss"] <= TARGETS["peak_rss_mb"]
    if args.compare:
        pooled = {}
        for name, out in results:
            pooled.setdefault(name, []).extend(out["latency"])
        (base, busy) = (sorted(pooled[n]) for n in ("without costly tabs", with_costly))

        def pct(lat, q):
            return lat[min(len(lat) - 1, int(q * len(lat)))]

        p50, p95 = (
            statistics.median(busy) / statistics.median(base),
            pct(busy, 0.95) / pct(base, 0.95),
        )
        print(
            f"pooled over {args.rounds} round(s): without p50 {statistics.median(base):.2f} s, "
            f"p95 {pct(base, 0.95):.2f} s ({len(base)} reruns); with p50 "
            f"{statistics.median(busy):.2f} s, p95 {pct(busy, 0.95):.2f} s ({len(busy)} reruns)"
        )
        print(f"attendees with the costly tabs: p50 ×{p50:.2f}, p95 ×{p95:.2f} (target ≤ ×1.2)")
        slow_ok = max(p50, p95) <= TARGETS["slowdown"]
        print(f"slowdown: {'PASS' if slow_ok else 'FAIL'}")
        ok &= slow_ok
    print(f"all targets (p95, errors, memory{', slowdown' if args.compare else ''}): "
          f"{'PASS' if ok else 'FAIL'}")  # fmt: skip


if __name__ == "__main__":
    main()
