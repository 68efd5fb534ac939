"""The watched data-set folder (playground.csv_folder through playground.data): new files are
picked up without a restart at the cost of a stat, files being written are waited for, a changed
file is withdrawn (its runs are cached by name), and only regular files in the folder are read."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from playground import csv_folder, csv_table, data, remote

GOOD = b"size,weight,fruit\n1.0,10,pear\n2.5,20,apple\n3,30,pear\n4e0,40,cherry\n5,50,apple\n"
OTHER = b"a,b,c\n0,0,x\n1,1,y\n2,2,x\n3,3,y\n"
ROOT = Path(data.__file__).resolve().parents[1]


def put(path: Path, content: bytes, age: float = 10.0) -> Path:
    """Write a file last changed `age` seconds ago (0: just now, perhaps still being copied)."""
    path.write_bytes(content)
    if age:
        os.utime(path, (time.time() - age,) * 2)
    return path


@pytest.fixture
def home(tmp_path, monkeypatch):
    folder = tmp_path / "datasets"
    folder.mkdir()
    monkeypatch.setattr(data, "DATASETS_DIR", folder)
    data.reload_csv()
    yield folder
    monkeypatch.undo()
    data.reload_csv()


@pytest.fixture
def later(monkeypatch):
    """`later(s)`: the watcher's clock moves s seconds on (for RESCAN/SETTLE_SECONDS)."""
    offset = [0.0]
    real = time.monotonic
    monkeypatch.setattr(csv_folder.time, "monotonic", lambda: real() + offset[0])

    def move(seconds: float) -> None:
        offset[0] += seconds

    return move


@pytest.fixture
def reads(monkeypatch):
    """The names of the files the watcher read, in order."""
    seen: list[str] = []
    load = csv_folder._load

    def counting(path, st, make_entry):
        seen.append(path.name)
        return load(path, st, make_entry)

    monkeypatch.setattr(csv_folder, "_load", counting)
    return seen


def csv_names() -> list[str]:
    return [n for n in data.NAMES if data.get(n).kind == "csv"]


# ------------------------------------------------------------------ picking up changes, and cost
def test_a_new_file_appears_at_once_and_only_it_is_read(home, reads):
    put(home / "fruit.csv", GOOD)
    assert csv_names() == ["fruit"] and reads == ["fruit.csv"]
    put(home / "abc.csv", OTHER)
    assert csv_names() == ["abc", "fruit"] and reads == ["fruit.csv", "abc.csv"]
    assert data.get("abc").class_names == ("x", "y")


def test_looking_up_an_unchanged_folder_reads_no_file(home, reads):
    put(home / "fruit.csv", GOOD)
    for _ in range(200):
        assert "fruit" in data.NAMES and data.CSV_ERRORS == {}
        data.get("fruit")
    assert reads == ["fruit.csv"]


def test_an_edit_in_place_is_seen_after_rescan_seconds(home, later):
    broken = put(home / "fixed.csv", b"x,y,label\n1,oops,a\n")
    assert "fixed.csv" in data.CSV_ERRORS
    mtime = os.stat(home).st_mtime_ns
    put(broken, GOOD)  # the same file rewritten: the folder's mtime stays
    assert os.stat(home).st_mtime_ns == mtime
    assert "fixed.csv" in data.CSV_ERRORS  # not looked at yet: nothing changed in the listing
    later(csv_folder.RESCAN_SECONDS + 0.1)
    assert "fixed" in data.NAMES and data.CSV_ERRORS == {}


def test_the_readme_says_about_three_seconds_for_edits_in_place():
    readme = (ROOT / "README.md").read_text()
    assert "within about three seconds" in readme
    assert csv_folder.RESCAN_SECONDS + csv_folder.SETTLE_SECONDS <= 3


def test_a_file_being_written_is_read_once_it_has_settled(home, later, reads):
    copy = put(home / "big.csv", GOOD[:30], age=0)  # half copied, just now
    assert "big" not in data.NAMES and data.CSV_ERRORS == {} and reads == []
    put(copy, GOOD)  # the copy finishes
    later(csv_folder.SETTLE_SECONDS + 0.1)
    assert "big" in data.NAMES and reads == ["big.csv"]


def test_a_changed_file_is_withdrawn_and_its_runs_keep_the_old_data(home):
    path = put(home / "fruit.csv", GOOD)
    X_old, y_old = data.make_dataset("fruit")
    put(path, OTHER, age=20)
    data.reload_csv()
    assert "fruit" not in data.NAMES
    assert data.CSV_ERRORS == {"fruit.csv": csv_folder.CHANGED}
    assert "restarts" in csv_folder.CHANGED and "new file name" in csv_folder.CHANGED
    assert data.get("fruit").class_names == ("apple", "cherry", "pear")  # as it was served
    X, y = data.make_dataset("fruit")
    np.testing.assert_array_equal(X, X_old)
    np.testing.assert_array_equal(y, y_old)
    put(home / "fruit2.csv", OTHER)  # the README: save it under a new name to use it at once
    assert csv_names() == ["fruit2"] and data.get("fruit2").class_names == ("x", "y")
    put(path, GOOD, age=30)  # the old contents back: served again
    data.reload_csv()
    assert "fruit" in data.NAMES and data.CSV_ERRORS == {}


def test_a_changed_file_that_is_now_broken_says_what_is_broken(home):
    path = put(home / "fruit.csv", GOOD)
    assert "fruit" in data.NAMES
    put(path, b"", age=20)
    data.reload_csv()
    assert data.CSV_ERRORS == {"fruit.csv": "The file is empty."}


def test_a_removed_file_leaves_the_list_but_its_runs_can_be_redrawn(home):
    path = put(home / "fruit.csv", GOOD)
    assert "fruit" in data.NAMES
    path.unlink()
    assert "fruit" not in data.NAMES and data.CSV_ERRORS == {}
    assert data.make_dataset("fruit")[0].shape == (5, 2)
    put(path, OTHER)  # back under the same name with other contents
    assert "fruit" not in data.NAMES and data.CSV_ERRORS == {"fruit.csv": csv_folder.CHANGED}


def test_a_never_served_name_is_unknown(home):
    put(home / "broken.csv", b"")
    with pytest.raises(ValueError, match="Unknown data set 'broken'"):
        data.get("broken")


def test_many_sessions_looking_at_once_while_files_arrive(home):
    errors = []

    def look() -> None:
        try:
            for _ in range(300):
                for name in data.NAMES:
                    data.get(name)
        except Exception as err:  # noqa: BLE001 - any error fails the test below
            errors.append(err)

    threads = [threading.Thread(target=look) for _ in range(6)]
    for thread in threads:
        thread.start()
    for i in range(20):
        put(home / f"set{i:02d}.csv", GOOD)
    for thread in threads:
        thread.join()
    assert errors == []
    data.reload_csv()
    assert csv_names() == [f"set{i:02d}" for i in range(20)]


# -------------------------------------------------------------- only regular files in the folder
def test_links_and_other_non_files_are_refused_with_the_reason(home, tmp_path):
    outside = put(tmp_path / "outside.csv", GOOD)  # would load if followed
    (home / "link.csv").symlink_to(outside)
    (home / "up.csv").symlink_to(Path("..") / "outside.csv")
    (home / "dir_link.csv").symlink_to(tmp_path)
    os.link(outside, home / "hard.csv")
    (home / "folder.csv").mkdir()
    os.mkfifo(home / "pipe.csv")  # reading it would wait forever
    put(home / ".hidden.csv", GOOD)  # e.g. macOS's ._name.csv: skipped without a word
    put(home / "notes.txt", GOOD)
    put(home / "ok.CSV", GOOD)
    data.reload_csv()
    assert csv_names() == ["ok"]
    errors = data.CSV_ERRORS
    assert sorted(errors) == [
        "dir_link.csv",
        "folder.csv",
        "hard.csv",
        "link.csv",
        "pipe.csv",
        "up.csv",
    ]
    for name in ("link.csv", "up.csv", "dir_link.csv"):
        assert errors[name].startswith("This is a symbolic link, and links are not followed")
    assert errors["hard.csv"].startswith("This file has another name elsewhere (a hard link)")
    assert errors["folder.csv"] == errors["pipe.csv"] == csv_folder.NOT_REGULAR


def test_the_links_are_refused_at_once_not_after_settling(home, tmp_path):
    (home / "link.csv").symlink_to(put(tmp_path / "outside.csv", GOOD))
    assert "link.csv" in data.CSV_ERRORS


def test_a_file_over_the_size_limit_is_refused_by_its_size(home, monkeypatch):
    monkeypatch.setattr(csv_table, "MAX_BYTES", 50)
    put(home / "big.csv", GOOD)
    assert data.CSV_ERRORS == {"big.csv": "The file is larger than 0 MB."}


def test_the_folder_is_set_by_the_environment(tmp_path):
    put(tmp_path / "fruit.csv", GOOD)
    code = "from playground import data; print(data.DATASETS_DIR); print(','.join(data.NAMES))"
    env = {**os.environ, data.DATASETS_ENV: str(tmp_path), "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == str(tmp_path)
    assert out[1].split(",")[-1] == "fruit" and "exam_scores" not in out[1]


def test_without_the_variable_the_folder_is_the_repositorys():
    env = {k: v for k, v in os.environ.items() if k != data.DATASETS_ENV}
    code = "from playground import data; print(data.DATASETS_DIR)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == str(ROOT / "datasets")


def test_a_training_worker_started_before_the_file_can_train_on_it(tmp_path, monkeypatch):
    """Short runs train in spawned worker processes, each with its own data module."""
    monkeypatch.setenv(data.DATASETS_ENV, str(tmp_path))
    with remote.make_pool(1) as pool:
        assert pool.submit(data.make_dataset, "moons").result()[0].shape == (500, 2)  # started
        put(tmp_path / "fruit.csv", GOOD)
        X, y = pool.submit(data.make_dataset, "fruit").result(timeout=60)
        assert pool.submit(data.get, "fruit").result().class_names == ("apple", "cherry", "pear")
    np.testing.assert_array_equal(X[:, 1], [10, 20, 30, 40, 50])
    np.testing.assert_array_equal(y, [2, 0, 2, 1, 0])


def test_a_missing_folder_gives_no_csv_sets(home):
    home.rmdir()
    assert csv_names() == [] and data.CSV_ERRORS == {}
    home.mkdir()
    put(home / "fruit.csv", GOOD)
    assert csv_names() == ["fruit"]
