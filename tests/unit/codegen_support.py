"""Running exported scripts in the tests: many scripts in one interpreter (importing torch or
Keras costs seconds; each script would pay it), each in its own directory next to its .npz."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from playground import codegen, export
from playground.config import RunConfig
from playground.experiment import RunResult, run

# the test accuracy, or a regression run's test R²
FINAL = re.compile(r"final_train_loss=(\S+) final_test_(?:accuracy|r2)=(\S+)$")
PROGRESS = re.compile(r"epoch (\d+): train loss (\S+)$")
# Keras 3 on its PyTorch backend: no TensorFlow needed (the tests set it for their subprocesses)
ENV = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "KERAS_BACKEND": "torch"}

_DRIVER = """
import contextlib, io, json, os, runpy, sys, traceback
out = {}
for directory in sys.argv[1:]:
    os.chdir(directory)
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            runpy.run_path("script.py", run_name="__main__")
        out[directory] = [buf.getvalue(), "", 0]
    except BaseException:
        out[directory] = [buf.getvalue(), traceback.format_exc(), 1]
print(json.dumps(out))
"""


def have(*modules: str) -> bool:
    """Whether every module is installed (without importing it: Keras picks its backend then)."""
    return all(importlib.util.find_spec(m) is not None for m in modules)


def write_case(directory: Path, script: str, result: RunResult, npz_name: str) -> Path:
    (directory / npz_name).write_bytes(export.weights_npz(result))
    (directory / "script.py").write_text(script)
    return directory


def run_scripts(directories: list[Path], timeout: int = 900) -> dict[Path, tuple[str, str, int]]:
    """{directory: (stdout, traceback, returncode)} of each directory's script.py."""
    proc = subprocess.run(
        [sys.executable, "-c", _DRIVER, *map(str, directories)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **ENV},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    outputs = json.loads(proc.stdout.strip().splitlines()[-1])
    return {d: tuple(outputs[str(d)]) for d in directories}


def run_cases(kind: str, cases: dict[str, RunConfig], tmp_factory, npz_names=None) -> dict:
    """{case: (our result, (stdout, traceback, rc) of its `kind` script)}, all in one process."""
    make = {"pytorch": codegen.pytorch_script, "keras": codegen.keras_script}[kind]
    results, dirs = {}, {}
    for name, config in cases.items():
        npz_name = (npz_names or {}).get(name, codegen.NPZ_NAME)
        results[name] = run(config)
        script = make(config, npz_name=npz_name)
        dirs[name] = write_case(tmp_factory.mktemp(name), script, results[name], npz_name)
    outputs = run_scripts(list(dirs.values()))
    return {name: (results[name], outputs[d]) for name, d in dirs.items()}


def assert_ruff_clean(directory: Path) -> None:
    """ruff's errors, warnings, pyflakes and import order, and ruff format, at 100 columns, over
    every script in `directory`."""
    common = ["--isolated", "--no-cache", "--line-length", "100"]
    for command in (["check", "--select", "E,F,W,I"], ["format", "--check"]):
        proc = subprocess.run(
            ["ruff", *command, *common, str(directory)], capture_output=True, text=True
        )
        assert proc.returncode == 0, proc.stdout[-3000:]


def final(stdout: str) -> tuple[float, float]:
    """(final train loss, final test accuracy or R²) from a script's last line."""
    m = FINAL.match(stdout.strip().splitlines()[-1])
    assert m, stdout[-1000:]
    return float(m[1]), float(m[2])


def progress(stdout: str) -> list[tuple[int, float]]:
    """The (epoch, train loss) progress lines before the last line."""
    return [
        (int(m[1]), float(m[2])) for m in map(PROGRESS.match, stdout.strip().splitlines()[:-1]) if m
    ]
