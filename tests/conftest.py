"""Shared pytest setup: make the repository root importable (`import playground`)."""

import os
import sys
from pathlib import Path

# AppTest pages train in the test's own process (a pool per test would be slow and leak on
# cache clears); the browser tests start the real server with its worker pool instead.
os.environ["PLAYGROUND_TRAIN_WORKERS"] = "0"
# No warm-up training in the background of the servers the tests start (tests/unit/test_warmup.py
# tests it on its own).
os.environ["PLAYGROUND_WARMUP"] = "0"

_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)
