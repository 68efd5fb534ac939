"""Many users at once: the real server, N concurrent sessions changing knobs for a while.

Starts `streamlit run streamlit_app.py` on a free loopback port, opens N sessions, and lets each
act like a workshop attendee for `--seconds`: pick a knob, change it to another value, wait for
the rerun to finish, think 1–4 s, repeat. Knob values come from small lists, so attendees
sometimes land on setups another one already trained (the cross-session run cache at work).

Drivers (`--driver`):
- `ws` (default): each session is a browser tab without the browser (benchmarks/_ws.py): the
  `/_stcore/stream` websocket with the frontend's own messages (all widget states per rerun,
  bound query params, the ForwardMsg cache), so the server does exactly the work a browser
  causes. Latency: the rerun_script message sent → script_finished received.
- `agent`: Streamlit's agent API over HTTP (`/_stcore/agent/interact`), as before; it also
  builds and returns an element tree per rerun, work a browser session does not cause. Kept
  for comparison.

All sessions of the `ws` driver run as tasks of one asyncio loop in this process, a hand-written
loop rather than Locust: Locust would add gevent (monkey-patched sockets under the `websockets`
client), a second scheduler and statistics of its own, while what we need is a handful of
numbers per session; one event loop keeps the client side cheap and its CPU easy to measure.

Reports knob → finished rerun latency (p50/p95/max), errors (exceptions on the page, broken or
stuck sessions), received bytes per rerun (median; `ws`: websocket payloads, `agent`: response
bodies), the peak memory of the server plus its worker processes, the load average, the
CPU-seconds of the server and its workers, and the load generator's own share of the machine
(this process's CPU-seconds / (wall seconds × cores)): it runs on the same cores.

    python benchmarks/load.py [--users 30] [--seconds 180] [--think 1,4] [--driver ws|agent]

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
import asyncio
import json
import math
import os
import random
import resource
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _server import start_server, stop_server  # noqa: E402
from _ws import Tab  # noqa: E402

KNOBS = {  # as the user picks them (selectboxes show labels, i18n.OPTION_LABELS); default first
    "activation": ["tanh", "ReLU", "Sigmoid", "Leaky ReLU", "ELU"],
    "learning_rate": [0.01, 0.001, 0.003, 0.03, 0.1],
    "width": [8, 2, 4, 16],
    "depth": [2, 1, 3, 4],
    "scaler": ["StandardScaler", "none", "MinMaxScaler", "Normalizer (L2)"],
    "dataset": ["moons", "circles", "xor", "spiral", "blobs"],
    "initializer": ["Glorot uniform", "He normal", "Random normal (σ 0.05)", "zeros"],
    "optimizer": ["Adam", "SGD", "Momentum", "RMSProp"],
}
TARGETS = {"p50_s": 1.0, "p95_s": 3.0, "errors": 0, "peak_rss_mb": 1500, "slowdown": 1.2}
COSTLY_LINK = {  # the link, as a bound widget reads it
    "n_samples": "2000", "epochs": "1000", "batch_size": "1", "width": "32", "depth": "6",
    "activation": "Maxout", "test_fraction": "0.1", "learning_rate": "1e-05",
}  # fmt: skip
REFUSED = "more than this server allows"
GRACE = 240  # s after the end: a rerun still running then counts as an error


def percentile(values: list[float], q: float) -> float:
    values = sorted(values) or [math.nan]
    return values[min(len(values) - 1, int(q * len(values)))]


def _record(out: dict, lock: threading.Lock | None, took: float, error: str | None) -> None:
    if lock is not None:
        with lock:
            return _record(out, None, took, error)
    out["latency"].append(took)
    if error:
        out["errors"].append(error)


# --- the `ws` driver: browser tabs over the websocket, one asyncio loop ---------------------


async def ws_attendee(base: str, seconds: float, seed: int, out: dict, think) -> None:
    rng = random.Random(seed)
    tab = Tab(base)
    try:
        await tab.open()
        end = time.time() + seconds
        while time.time() < end:
            knob = rng.choice(list(KNOBS))  # another value, as a person changing the knob
            value = rng.choice([v for v in KNOBS[knob] if not tab.holds(knob, v)])
            start = time.perf_counter()
            try:
                r = await tab.set(knob, value)
                error = "; ".join(r.exceptions) or None
            except (TimeoutError, ConnectionError, RuntimeError, OSError) as e:
                r, error = None, f"{knob}={value}: {type(e).__name__}: {e}"[:300]
            _record(out, None, r.seconds if r else time.perf_counter() - start, error)
            if r is None:
                return  # a broken tab: the attendee is gone
            out["first"].append(r.first)
            await asyncio.sleep(rng.uniform(*think))
            out["bytes"].append(r.received)  # everything up to the next change
            r.elements.clear()
    except (TimeoutError, ConnectionError, RuntimeError, OSError) as e:
        out["errors"].append(f"start: {type(e).__name__}: {e}"[:300])
    finally:
        await tab.close()


async def ws_costly(base: str, seconds: float, out: dict) -> None:
    """The issue's link; press the confirmation button if the page asks; then stay open (the
    run training) until the attendees are done and the task is cancelled."""
    end = time.monotonic() + seconds
    tab = Tab(base, query=urlencode(COSTLY_LINK), timeout=seconds)
    state = "trained"
    try:
        r = await tab.open()
        if any(REFUSED in text for text in r.texts()):
            state = "refused"
        elif "budget_confirm" in tab.buttons:
            state = "confirmed"
            tab.timeout = max(1.0, end - time.monotonic())
            await tab.click("budget_confirm")
    except TimeoutError:
        pass  # still training at the end: what a costly tab does
    except Exception as e:  # noqa: BLE001 - counted, not fatal
        state = f"error: {e}"
    try:
        out["costly"].append(state)
        await asyncio.sleep(max(0.0, end - time.monotonic()) + GRACE)
    finally:
        await tab.close()


async def ws_clients(base: str, args, think, costly: int, out: dict) -> None:
    tasks = [asyncio.create_task(ws_costly(base, args.seconds, out)) for _ in range(costly)]
    await asyncio.sleep(2 if costly else 0)  # the costly tabs are there first
    users = []
    for i in range(args.users):
        users.append(asyncio.create_task(ws_attendee(base, args.seconds, i, out, think)))
        await asyncio.sleep(0.1)  # people do not all arrive in the same millisecond
    done, stuck = await asyncio.wait(users, timeout=args.seconds + GRACE)
    out["errors"] += ["a session still waiting for its rerun at the end"] * len(stuck)
    for task in done:  # a bug of the benchmark (say a knob the page lacks) is an error too
        if task.exception() is not None:
            out["errors"].append(f"{type(task.exception()).__name__}: {task.exception()}"[:300])
    for task in [*stuck, *tasks]:
        task.cancel()
    await asyncio.gather(*users, *tasks, return_exceptions=True)


# --- the `agent` driver: the agent API over HTTP, one thread per session --------------------


def interact(
    port: int, body: dict, timeout: float = 60, until: float | None = None, sizes=None
) -> dict:
    """One rerun; follows 'still running' answers until the run is done (or time `until`).
    `sizes`: a list that gets the total bytes of the answers."""
    url = f"http://127.0.0.1:{port}/_stcore/agent/interact"
    total = 0
    while True:
        req = urllib.request.Request(
            url, json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                raw = r.read()
                total += len(raw)
                reply = json.loads(raw)
                if r.status != 202:
                    break
        except urllib.error.HTTPError as e:  # wait_timed_out: the run goes on, collect it
            raw = e.read() or b"{}"
            total += len(raw)
            reply = json.loads(raw)
            if "wait_timed_out" not in json.dumps(reply) or "session_id" not in reply:
                raise
        if until is not None and time.time() > until:
            break
        body = {"session_id": reply["session_id"]}
    if sizes is not None:
        sizes.append(total)
    return reply


def costly_tab(port: int, seconds: float, out: dict, lock: threading.Lock) -> None:
    end = time.time() + seconds
    try:
        reply = interact(port, {"query_params": {k: [v] for k, v in COSTLY_LINK.items()}}, 60, end)
        seen = json.dumps(reply)
        state = "refused" if REFUSED in seen else "trained"
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
    now = {knob: values[0] for knob, values in KNOBS.items()}
    while time.time() < end:  # the same picks as ws_attendee's with the same seed
        knob = rng.choice(list(KNOBS))
        now[knob] = rng.choice([v for v in KNOBS[knob] if v != now[knob]])
        body = {"session_id": session, "widget_state": {knob: now[knob]}}
        start = time.perf_counter()
        try:
            reply = interact(port, body, sizes=out["bytes"])
            bad = reply.get("status") == "error" or has_exception(reply.get("tree", {}))
        except urllib.error.HTTPError as e:
            bad, reply = True, {"error": f"{e.code}: {e.read()[:200]!r}"}
        except Exception as e:  # noqa: BLE001
            bad, reply = True, {"error": str(e)}
        _record(out, lock, time.perf_counter() - start, json.dumps(reply)[:300] if bad else None)
        time.sleep(rng.uniform(*think))


def agent_clients(port: int, args, think, costly: int, out: dict) -> None:
    lock = threading.Lock()
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
    deadline = time.time() + args.seconds + GRACE
    for th in users:  # a rerun still running this long after the end counts as an error
        th.join(timeout=max(0.0, deadline - time.time()))
    stuck = sum(th.is_alive() for th in users)
    out["errors"] += ["a session still waiting for its rerun at the end"] * stuck


# --- measuring --------------------------------------------------------------------------


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


def own_cpu_seconds() -> float:
    """This process's CPU-seconds (all its threads; the server is a child, not counted)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def phase(args, think, costly: int) -> dict:
    """A fresh server, the attendees (and `costly` costly tabs) for args.seconds."""
    env = (
        {} if args.max_run_seconds is None else {"PLAYGROUND_MAX_RUN_SECONDS": args.max_run_seconds}
    )
    # no file watcher: edits to the checkout during the run must not reload the app mid-benchmark
    flags = ["--server.fileWatcherType=none"]
    flags += ["--server.enableAgentApi=true"] if args.driver == "agent" else []
    proc, base = start_server(*flags, env=env)
    out: dict = {"latency": [], "errors": [], "costly": [], "bytes": [], "first": []}
    out["load"] = [os.getloadavg()[0]]
    try:
        cpu, wall = own_cpu_seconds(), time.perf_counter()
        if args.driver == "ws":
            asyncio.run(ws_clients(base, args, think, costly, out))
        else:
            agent_clients(int(base.rsplit(":", 1)[1]), args, think, costly, out)
        wall = time.perf_counter() - wall
        out["client_cpu"] = (own_cpu_seconds() - cpu, wall)
        out["load"].append(os.getloadavg()[0])
        out["rss"] = peak_rss_mb(proc.pid)
        out["cpu"] = cpu_seconds(proc.pid)
    finally:
        stop_server(proc)
    lat = out["latency"] or [math.nan]
    out["p50"], out["p95"], out["max"] = statistics.median(lat), percentile(lat, 0.95), max(lat)
    return out


def report(name: str, out: dict) -> None:
    costly = ", ".join(f"{n} {s}" for s, n in Counter(out["costly"]).items()) or "none"
    print(f"{name}: {len(out['latency'])} reruns; costly tabs: {costly}")
    used, wall = out["client_cpu"]
    share = used / (wall * (os.cpu_count() or 1))
    kb = statistics.median(out["bytes"]) / 1000 if out["bytes"] else math.nan
    first = statistics.median(out["first"]) if out["first"] else math.nan
    rows = [
        ("p50 rerun latency", f"{out['p50']:.2f} s", f"≤ {TARGETS['p50_s']} s"),
        ("p95 rerun latency", f"{out['p95']:.2f} s", f"≤ {TARGETS['p95_s']} s"),
        ("max rerun latency", f"{out['max']:.2f} s", ""),
        ("p50 to first message", f"{first:.2f} s", "ws: the run started, its first delta"),
        ("errors", str(len(out["errors"])), "0"),
        ("received per rerun", f"{kb:.0f} KB", "median"),
        ("server peak RSS", f"{out['rss']:.0f} MB", f"≤ {TARGETS['peak_rss_mb']} MB"),
        ("load average (1 min)", " → ".join(f"{v:.2f}" for v in out["load"]), ""),
        ("CPU-s server/pool/long", "/".join(f"{v:.0f}" for v in out["cpu"].values()), ""),
        ("load generator CPU", f"{share:.1%}", f"{used:.0f} CPU-s / ({wall:.0f} s × cores)"),
    ]
    for row, value, target in rows:
        print(f"  {row:22s} {value:>14s}  {target}")
    if out["load"][0] > (os.cpu_count() or 1):
        print(
            f"  note: the load average was {out['load'][0]:.1f} before the server started: "
            "other work shared the cores, so these numbers overstate the app's latency"
        )
    for e in out["errors"][:5]:
        print("  error:", e)


def passed(out: dict) -> bool:
    return (
        out["p95"] <= TARGETS["p95_s"]
        and out["p50"] <= TARGETS["p50_s"]
        and not out["errors"]
        and out["rss"] <= TARGETS["peak_rss_mb"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument(
        "--think", default="1,4", help="seconds an attendee looks at a result: low,high"
    )
    parser.add_argument(
        "--driver", choices=("ws", "agent"), default="ws",
        help="ws: the browser's websocket protocol; agent: the agent API over HTTP",
    )  # fmt: skip
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
        f"driver {args.driver}, {os.cpu_count()} cores, cap {args.max_run_seconds or 'default'}",
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
        ok &= passed(out)
    if args.compare:
        pooled = {}
        for name, out in results:
            pooled.setdefault(name, []).extend(out["latency"])
        (base, busy) = (pooled[n] for n in ("without costly tabs", with_costly))
        pct = percentile
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
    print(f"all targets (p50, p95, errors, memory{', slowdown' if args.compare else ''}): "
          f"{'PASS' if ok else 'FAIL'}")  # fmt: skip


if __name__ == "__main__":
    main()
