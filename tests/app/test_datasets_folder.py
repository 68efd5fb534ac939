"""The README's section "Your own data", claim by claim, on the real page (AppTest) with a
temporary data-set folder: a CSV dropped in appears as a data set named after the file (without a
restart), a file that breaks the rules is listed with its reason instead of breaking the app, a
symbolic link is refused and listed; and inputs too large for float64 get the right advice."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from playground import data
from playground.app.i18n import EN, KO

GOOD = b"size,weight,fruit\n1.0,10,pear\n2.5,20,apple\n3,30,pear\n4e0,40,cherry\n5,50,apple\n"
EXAM = (Path(data.__file__).resolve().parents[1] / "datasets" / "exam_scores.csv").read_bytes()


def put(path: Path, content: bytes) -> Path:
    """Write a file as a finished copy would be: written, then left alone for a while."""
    path.write_bytes(content)
    past = time.time() - 10
    os.utime(path, (past, past))
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A data-set folder of our own: fruit.csv (good) and broken.csv (a word in a number column)."""
    home = tmp_path / "datasets"
    home.mkdir()
    put(home / "fruit.csv", GOOD)
    put(home / "broken.csv", b"x,y,label\n1,2,a\n3,oops,b\n5,6,a\n7,8,b\n")
    monkeypatch.setattr(data, "DATASETS_DIR", home)
    data.reload_csv()  # what a server does at start-up
    yield home
    monkeypatch.undo()
    data.reload_csv()


def options(at) -> list[str]:
    return list(at.sidebar.selectbox(key="dataset").options)


def left_out(at, lang: str = "en") -> dict[str, str]:
    """{file name: reason} as the sidebar lists them; {} if it lists none."""
    template = (EN if lang == "en" else KO)["ds.left_out"]
    pattern = re.escape(template).replace(r"\{folder\}", ".+").replace(r"\{n\}", "[0-9]+")
    boxes = [e for e in at.sidebar.expander if re.fullmatch(pattern, e.label)]
    if not boxes:
        return {}
    (box,) = boxes
    shown = {}
    for m in box.markdown:
        name, reason = m.value.split("**: ", 1)
        shown[name.removeprefix("**").replace("\\", "")] = reason.replace("\\", "")
    assert box.label.endswith(f": {len(shown)}" if lang == "en" else f": {len(shown)}개")
    return shown


def test_good_file_is_a_data_set_and_broken_one_is_listed_with_its_reason(make_app, folder):
    at = make_app().run()
    assert not at.exception
    assert options(at)[-1] == "fruit" and "broken" not in options(at)
    reasons = left_out(at)
    assert list(reasons) == ["broken.csv"]
    assert "Row 3, column 'y': 'oops' is not a number" in reasons["broken.csv"]


def test_the_listing_speaks_korean(make_app, folder):
    at = make_app(lang="ko").run()
    assert not at.exception
    assert list(left_out(at, "ko")) == ["broken.csv"]
    (box,) = [e for e in at.sidebar.expander if "불러오지 못한 CSV 파일" in e.label]
    assert box.label.replace("\\", "") == "datasets/에서 불러오지 못한 CSV 파일: 1개"


def test_nothing_listed_when_every_file_loads(make_app, folder):
    (folder / "broken.csv").unlink()
    at = make_app().run()
    assert not at.exception and left_out(at) == {} and "fruit" in options(at)


def test_a_file_added_while_the_session_runs_appears_on_the_next_rerun(make_app, folder):
    at = make_app().run()
    assert "exam" not in options(at)
    put(folder / "exam.csv", EXAM)
    put(folder / "empty.csv", b"")
    at.run()
    assert not at.exception
    assert options(at)[-2:] == ["exam", "fruit"]
    reasons = left_out(at)
    assert list(reasons) == ["broken.csv", "empty.csv"]
    assert reasons["empty.csv"] == "The file is empty."
    at.sidebar.selectbox(key="dataset").select("exam").run()
    assert not at.exception and not at.error
    assert at.sidebar.selectbox(key="dataset").value == "exam"


def test_a_fixed_file_appears_and_leaves_the_list(make_app, folder):
    at = make_app().run()
    assert "broken.csv" in left_out(at)
    put(folder / "fixing.tmp", GOOD).replace(folder / "broken.csv")  # how editors save a file
    at.run()
    assert not at.exception
    assert "broken" in options(at) and left_out(at) == {}


def test_a_symbolic_link_is_refused_and_listed(make_app, folder, tmp_path):
    outside = put(tmp_path / "secret.csv", GOOD)  # a good CSV: it would load if followed
    (folder / "linked.csv").symlink_to(outside)
    (folder / "escape.csv").symlink_to(Path("..") / "secret.csv")
    at = make_app().run()
    assert not at.exception
    assert "linked" not in options(at) and "escape" not in options(at)
    reasons = left_out(at)
    assert set(reasons) == {"broken.csv", "escape.csv", "linked.csv"}
    for name in ("escape.csv", "linked.csv"):
        assert reasons[name].startswith("This is a symbolic link, and links are not followed")


def test_a_utf16_file_is_called_utf16_not_binary(make_app, folder):
    put(folder / "excel.csv", b"\xff\xfe" + GOOD.decode().encode("utf-16-le"))
    at = make_app().run()
    reason = left_out(at)["excel.csv"]
    assert reason.startswith("This file is saved as UTF-16 text, not UTF-8.")
    assert "CSV UTF-8" in reason and "binary" not in reason


def test_a_removed_file_in_use_falls_back_without_a_traceback(make_app, folder):
    at = make_app(dataset="fruit").run()
    assert at.sidebar.selectbox(key="dataset").value == "fruit"
    (folder / "fruit.csv").unlink()
    at.run()
    assert not at.exception
    assert "fruit" not in options(at)
    assert at.sidebar.selectbox(key="dataset").value == "moons"


# ------------------------------------------------------------------ inputs too large for float64
HUGE = b"a,b,label\n" + b"".join(
    f"{(1 + i % 7) * 1e299:.3e},{(1 + i % 5) * 1e299:.3e},{'yes' if i % 2 else 'no'}\n".encode()
    for i in range(40)
)


# experiment.prepare fits StandardScaler on the data, and scikit-learn's variance overflows with a
# RuntimeWarning (an error in these tests): the page itself must say what that means. The
# message code is checked warning-free in tests/unit/test_dataset_notes.py.
OVERFLOW_IS_THE_POINT = pytest.mark.filterwarnings("ignore::RuntimeWarning")


@OVERFLOW_IS_THE_POINT
def test_huge_inputs_with_standard_scaler_do_not_say_try_standard_scaler(make_app, folder):
    put(folder / "huge.csv", HUGE)
    data.reload_csv()  # as at start-up (so this test also tells what a main without watching did)
    at = make_app(dataset="huge", scaler="StandardScaler").run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "the inputs reach 7e+299" in error
    assert "StandardScaler cannot help here" in error
    assert error.endswith("Try MinMaxScaler.")
    assert "Try StandardScaler" not in error


@OVERFLOW_IS_THE_POINT
def test_huge_inputs_in_korean(make_app, folder):
    put(folder / "huge.csv", HUGE)
    data.reload_csv()  # as at start-up (so this test also tells what a main without watching did)
    at = make_app(dataset="huge", scaler="StandardScaler", lang="ko").run()
    assert not at.exception
    (error,) = [e.value for e in at.error]
    assert "StandardScaler로는 해결되지 않습니다" in error
    assert error.endswith("MinMaxScaler를 써 보세요.")
