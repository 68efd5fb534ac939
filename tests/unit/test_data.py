"""Tests of playground.data: built-in generators, CSV validation, the datasets/ folder scan."""

import io

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from playground import data

# classification sets (the regression sets: tests/unit/test_regression.py)
REGRESSION = [name for name in data.NAMES if data.get(name).regression]
BUILTINS = [name for name in data.NAMES if data.get(name).kind != "csv" and name not in REGRESSION]
TOYS = [name for name in BUILTINS if data.get(name).kind == "toy"]


# ------------------------------------------------------------------------------ built-in sets
def test_names_start_with_the_builtins_of_the_design():
    expected = ["moons", "circles", "xor", "gaussians", "spiral", "blobs", "spiral3"]
    assert list(data.NAMES[: len(expected)]) == expected
    assert {"checkerboard", "iris", "breast_cancer"} <= set(data.NAMES)


@pytest.mark.parametrize("name", BUILTINS)
def test_shape_dtype_and_labels(name):
    info = data.get(name)
    X, y = data.make_dataset(name, n_samples=300, noise=0.2, seed=1)
    n = 300 if info.uses_n_samples else len(y)
    assert X.shape == (n, 2) and X.dtype == np.float64 and np.isfinite(X).all()
    assert y.shape == (n,) and y.dtype == np.int64
    assert set(np.unique(y)) == set(range(info.n_classes))
    assert len(info.class_names) == info.n_classes and len(info.feature_names) == 2


@pytest.mark.parametrize("name", BUILTINS)
def test_same_seed_same_data(name):
    X1, y1 = data.make_dataset(name, seed=3)
    X2, y2 = data.make_dataset(name, seed=3)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)


@pytest.mark.parametrize("name", TOYS)
def test_other_seed_other_data(name):
    X1, _ = data.make_dataset(name, seed=0)
    X2, _ = data.make_dataset(name, seed=1)
    assert not np.array_equal(X1, X2)


@pytest.mark.parametrize("name", BUILTINS)
@pytest.mark.parametrize("noise", [0.0, 2.0])
def test_noise_limits_work(name, noise):
    X, y = data.make_dataset(name, n_samples=20, noise=noise)
    assert np.isfinite(X).all()
    assert set(np.unique(y)) == set(range(data.get(name).n_classes))


@pytest.mark.parametrize("name", TOYS)
def test_toy_classes_roughly_balanced(name):
    _, y = data.make_dataset(name, n_samples=1000)
    counts = np.bincount(y)
    assert counts.min() >= 0.8 * counts.max()


def test_global_random_state_untouched():
    np.random.seed(7)  # noqa: NPY002
    before = np.random.get_state()[1].copy()  # noqa: NPY002
    for name in TOYS:
        data.make_dataset(name)
    np.testing.assert_array_equal(np.random.get_state()[1], before)  # noqa: NPY002


def test_iris_and_breast_cancer_ignore_n_samples_and_noise():
    X1, _ = data.make_dataset("iris", n_samples=20, noise=0.0)
    X2, _ = data.make_dataset("iris", n_samples=5, noise=99)
    assert X1.shape == (150, 2) and np.array_equal(X1, X2)
    X, y = data.make_dataset("breast_cancer")
    assert X.shape == (569, 2) and data.get("breast_cancer").n_classes == 2
    assert X[:, 0].max() > 20 * X[:, 1].max()  # very different scales: the scaler knob matters


def test_returned_arrays_are_copies():
    X, y = data.make_dataset("iris")
    X[:] = 0
    assert data.make_dataset("iris")[0].any()


@pytest.mark.parametrize(
    "kwargs, word",
    [
        ({"n_samples": 19}, "n_samples"),
        ({"n_samples": 20_001}, "n_samples"),
        ({"n_samples": 100.0}, "n_samples"),
        ({"n_samples": True}, "n_samples"),
        ({"noise": -0.1}, "noise"),
        ({"noise": 2.5}, "noise"),
        ({"noise": float("nan")}, "noise"),
        ({"noise": "0.2"}, "noise"),
        ({"seed": -1}, "seed"),
    ],
)
def test_invalid_arguments(kwargs, word):
    with pytest.raises(ValueError, match=word) as err:
        data.make_dataset("moons", **kwargs)
    assert " to " in str(err.value)  # says the valid range


def test_numpy_integers_accepted():
    X, _ = data.make_dataset(
        "moons", n_samples=np.int64(50), noise=np.float64(0.1), seed=np.int64(2)
    )
    assert X.shape == (50, 2)


@pytest.mark.parametrize("call", [data.get, data.make_dataset])
def test_unknown_name_lists_valid_names(call):
    with pytest.raises(ValueError, match="nope") as err:
        call("nope")
    assert all(name in str(err.value) for name in data.NAMES)


# ------------------------------------------------------------------------------ CSV files
GOOD = b"size,weight,fruit\n1.0,10,pear\n2.5,20,apple\n3,30,pear\n4e0,40,cherry\n5,50,apple\n"


@pytest.mark.parametrize("wrap", [io.BytesIO, lambda b: io.StringIO(b.decode())])
def test_good_csv_round_trips_from_file_like(wrap):
    X, y, class_names = data.load_csv(wrap(GOOD))
    assert class_names == ["apple", "cherry", "pear"]
    np.testing.assert_array_equal(y, [2, 0, 2, 1, 0])
    assert y.dtype == np.int64 and X.dtype == np.float64
    np.testing.assert_array_equal(X[:, 0], [1.0, 2.5, 3.0, 4.0, 5.0])


def test_good_csv_from_path_str_bom_crlf_and_blank_lines(tmp_path):
    path = tmp_path / "good.csv"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace(b"\n", b"\r\n") + b"\r\n\r\n")
    for source in (path, str(path)):
        X, y, class_names = data.load_csv(source)
        assert X.shape == (5, 2) and class_names == ["apple", "cherry", "pear"]
    with open(path, "rb") as file:  # a file-like without getvalue()
        assert data.load_csv(file)[2] == ["apple", "cherry", "pear"]


def test_numeric_labels_sorted_numerically():
    text = b"a,b,grade\n0,0,10\n1,1,2\n2,2,1\n3,3,2\n"
    _, y, class_names = data.load_csv(io.BytesIO(text))
    assert class_names == ["1", "2", "10"]
    np.testing.assert_array_equal(y, [2, 1, 0, 1])


def test_exactly_max_rows_is_fine():
    text = "x,y,c\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(20_000))
    X, _, _ = data.load_csv(io.BytesIO(text.encode()))
    assert X.shape == (20_000, 2)


def _rows(n):
    return "x,y,c\n" + "".join(f"{i},{i},{i % 2}\n" for i in range(n))


BAD_CSV = {
    "empty": (b"", ["empty"]),
    "whitespace only": (b"\n \n", ["empty"]),
    "header only": (b"x,y,label\n", ["0 data rows"]),
    "too few rows": (b"x,y,label\n1,2,a\n3,4,b\n", ["2 data rows", "at least 4"]),
    "binary NUL": (b"PK\x03\x04\x00\x00binary", ["binary"]),
    "not utf-8": (b"x,y,label\n1,2,a\n3,4,caf\xe9\n", ["Row 3", "UTF-8"]),
    "2 columns": (b"x,label\n1,a\n", ["3", "has 2", "'x'", "'label'"]),
    "4 columns": (b"a,b,c,label\n1,2,3,x\n", ["has 4", "'a'", "'b'", "'c'", "'label'"]),
    "semicolons": (b"x;y;label\n1;2;a\n", ["has 1", "commas"]),
    "unnamed column": (b"x,,label\n1,2,a\n", ["Column 2", "no name", "row 1"]),
    "no header": (b"1,2,a\n3,4,b\n5,6,a\n7,8,b\n9,9,a\n", ["Row 1", "column names"]),
    "ragged row": (b"x,y,label\n1,2,a\n3,4,b,9\n5,6,a\n7,8,b\n", ["Row 3", "4 values"]),
    "empty cell": (b"x,y,label\n1,2,a\n3,,b\n5,6,a\n7,8,b\n", ["Row 3", "'y'", "missing"]),
    "NaN": (b"x,y,label\n1,2,a\n3,4,b\nNaN,6,a\n7,8,b\n", ["Row 4", "'x'", "missing"]),
    "missing label": (b"x,y,label\n1,2,a\n3,4,\n5,6,a\n7,8,b\n", ["Row 3", "'label'", "missing"]),
    "word": (
        b"x,y,label\n1,2,a\n3,4,b\n5,six,a\n7,8,b\n",
        ["Row 4", "'y'", "'six'", "not a number"],
    ),
    "inf": (b"x,y,label\n1,2,a\n3,4,b\n5,6,a\n-inf,8,b\n", ["Row 5", "'x'", "'-inf'", "infinite"]),
    "overflow": (b"x,y,label\n1,2,a\n3,1e999,b\n5,6,a\n7,8,b\n", ["Row 3", "'y'", "infinite"]),
    "one class": (b"x,y,label\n1,2,a\n3,4,a\n5,6,a\n7,8,a\n", ["'label'", "one class", "'a'"]),
    "11 classes": (
        ("x,y,c\n" + "".join(f"{i},{i},k{i}\n" for i in range(11))).encode(),
        ["'c'", "11 different", "at most 10", "row 12", "'k10'"],
    ),
    "20,001 rows": (_rows(20_001).encode(), ["more than 20,000", "row 20002"]),
    "100k rows": (_rows(100_000).encode(), ["more than 20,000"]),
}


@pytest.mark.parametrize("content, words", BAD_CSV.values(), ids=BAD_CSV.keys())
def test_bad_csv_says_what_and_where(content, words, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    for source in (io.BytesIO(content), path):
        with pytest.raises(ValueError) as err:
            data.load_csv(source)
        for word in words:
            assert word.lower() in str(err.value).lower(), (word, str(err.value))


WIDE_TEXT = GOOD.decode()
FORMATS = {  # content -> the start of the message (what it is), and what the message must not say
    "UTF-16 LE with BOM": (b"\xff\xfe" + WIDE_TEXT.encode("utf-16-le"), "saved as UTF-16 text"),
    "UTF-16 BE with BOM": (b"\xfe\xff" + WIDE_TEXT.encode("utf-16-be"), "saved as UTF-16 text"),
    "UTF-16 LE, no BOM": (WIDE_TEXT.encode("utf-16-le"), "saved as UTF-16 text"),
    "UTF-16 BE, no BOM": (WIDE_TEXT.encode("utf-16-be"), "saved as UTF-16 text"),
    "UTF-16, Korean": ("키,무게,과일\n1,2,배\n".encode("utf-16"), "saved as UTF-16 text"),
    "UTF-16, Korean, no BOM": (
        "키,무게,과일\n1,2,배\n".encode("utf-16-le"),
        "saved as UTF-16 text",
    ),
    "UTF-32 with BOM": (WIDE_TEXT.encode("utf-32"), "saved as UTF-32 text"),
    "UTF-32 BE, no BOM": (WIDE_TEXT.encode("utf-32-be"), "saved as UTF-32 text"),
    "xlsx": (
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 30,
        "binary file, not CSV text: it looks like an Excel workbook (.xlsx)",
    ),
    "xls": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 30,
        "binary file, not CSV text: it looks like an old Excel workbook (.xls)",
    ),
    "other binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not CSV text: perhaps"),
    "CP949 (Korean Excel)": (
        "x,y,과일\n1,2,배\n".encode("cp949"),
        "Row 1 has characters that are not UTF-8 text: it looks saved as CP949/EUC-KR",
    ),
    "Windows-1252": (
        "x,y,fruit\n1,2,café\n".encode("cp1252"),
        "Row 2 has characters that are not "
        "UTF-8 text: it looks saved in an older code page such as Windows-1252",
    ),
}


@pytest.mark.parametrize("content, says", FORMATS.values(), ids=FORMATS.keys())
def test_other_formats_and_encodings_are_named(content, says):
    with pytest.raises(ValueError) as err:
        data.load_csv(io.BytesIO(content))
    message = str(err.value)
    assert says in message, message
    assert message.endswith("Save it as 'CSV UTF-8 (comma delimited)' and try again.")
    if "UTF-16" in says or "UTF-32" in says:  # the old words: "binary (an Excel or zip file?)"
        assert "binary" not in message and "Excel" not in message


@settings(max_examples=150, deadline=None)
@given(hs.binary(max_size=400))
def test_any_bytes_load_or_say_why(raw):
    try:
        X, y, _ = data.load_csv(io.BytesIO(raw))
    except ValueError as err:
        assert str(err)
    else:
        assert X.shape == (len(y), 2) and np.isfinite(X).all()


@settings(max_examples=100, deadline=None)
@given(hs.text(max_size=200), hs.sampled_from(["utf-16", "utf-32"]))
def test_any_text_saved_with_a_byte_order_mark_is_named(text, encoding):
    with pytest.raises(ValueError, match=f"saved as {encoding.upper()} text"):
        data.load_csv(io.BytesIO(("x,y,label\n" + text).encode(encoding)))


def test_a_few_nul_bytes_in_utf8_text_are_binary_not_utf16():
    text = b"x,y,label\n1,2,a\n3,4,b\n5,6,a\n7,8,b\x00\n"
    with pytest.raises(ValueError, match="binary file"):
        data.load_csv(io.BytesIO(text))


def test_csv_module_errors_become_value_errors():
    huge_field = b"x,y,label\n1,2,a\n3,4," + b"b" * 200_000 + b"\n"
    with pytest.raises(ValueError, match="Row 3"):
        data.load_csv(io.BytesIO(huge_field))


def test_missing_file_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="find"):
        data.load_csv(tmp_path / "missing.csv")


def test_binary_text_stream_is_refused():
    with pytest.raises(ValueError, match="binary"):
        data.load_csv(io.StringIO("x,y,label\n1\x00,2,a\n"))


# ------------------------------------------------------------------------------ datasets/ folder
def test_shipped_csvs_load():
    assert {"two_clusters_demo", "exam_scores"} <= set(data.NAMES)
    assert not data.CSV_ERRORS
    X, y = data.make_dataset("exam_scores", n_samples=5, noise=99, seed=3)
    info = data.get("exam_scores")
    assert info.kind == "csv" and not info.uses_noise and not info.uses_n_samples
    assert info.class_names == ("no", "yes") and info.feature_names == ("exam1", "exam2")
    assert X.min() >= 0 and X.max() <= 100 and set(y) == {0, 1}
    assert data.get("two_clusters_demo").class_names == ("blue", "red")


def test_scan_skips_broken_files(tmp_path):
    (tmp_path / "good.csv").write_bytes(GOOD)
    (tmp_path / "broken.csv").write_bytes(b"x,y,label\n1,oops,a\n")
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02")
    (tmp_path / "moons.csv").write_bytes(GOOD)  # would shadow a built-in
    (tmp_path / "notes.txt").write_text("not a data set")
    entries, errors = data.scan_csv_folder(tmp_path)
    assert list(entries) == ["good"]
    assert set(errors) == {"broken.csv", "binary.csv", "moons.csv"}
    assert "Row 2" in errors["broken.csv"] and "'y'" in errors["broken.csv"]


def test_scan_of_missing_folder_is_empty(tmp_path):
    assert data.scan_csv_folder(tmp_path / "nowhere") == ({}, {})


@pytest.fixture
def temp_datasets(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATASETS_DIR", tmp_path)
    yield tmp_path
    monkeypatch.undo()
    data.reload_csv()


def test_reload_with_a_broken_csv_keeps_the_others(temp_datasets):
    (temp_datasets / "fruit.csv").write_bytes(GOOD)
    (temp_datasets / "broken.csv").write_bytes(b"")
    data.reload_csv()
    names = data.NAMES
    assert names == (*BUILTINS, *REGRESSION, "fruit")
    assert set(data.CSV_ERRORS) == {"broken.csv"}
    X, y = data.make_dataset("fruit")
    assert X.shape == (5, 2) and data.get("fruit").class_names == ("apple", "cherry", "pear")
    assert data.make_dataset("moons")[0].shape == (500, 2)
    with pytest.raises(ValueError, match="fruit"):
        data.get("broken")
