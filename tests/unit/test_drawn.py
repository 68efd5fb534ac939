"""The drawn data set (playground/drawn.py): points, the link's encoding (a truth table of values
that must decode to exactly these points or be refused for exactly this reason), the setup JSON,
the CSV the upload reads back, a copy of a data set, and training on a drawing."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest

from playground import csv_table, data, drawn, experiment
from playground.config import RunConfig
from playground.drawn import DrawnError

SQUARE = ((-1.0, -1.0, 0), (-1.2, -0.8, 0), (-0.8, -1.1, 0), (1.0, 1.0, 1), (1.2, 0.9, 1))


def _code(text: str) -> str:
    with pytest.raises(DrawnError) as e:
        drawn.decode(text)
    return e.value.code


# ---- points -------------------------------------------------------------------------------------
def test_a_point_is_rounded_to_two_decimals_on_the_plane():
    assert drawn.point(0.123, -2.996, 1) == (0.12, -3.0, 1)
    assert drawn.point(-0.001, 0.004, 0) == (0.0, 0.0, 0)
    assert str(drawn.point(-0.001, 0, 0)[0]) == "0.0"  # never -0.0 (its link would differ)
    for bad, code in [((3.01, 0, 0), "range"), ((0, float("nan"), 0), "range"),
                      ((0, 0, 2), "class"), ((0, 0, True), "class"), (("1", 0, 0), "value"),
                      ((0, float("inf"), 1), "range")]:  # fmt: skip
        with pytest.raises(DrawnError) as e:
            drawn.point(*bad)
        assert e.value.code == code, bad


def test_add_and_erase_nearest():
    points = drawn.add((), 0.5, 0.5, 0)
    points = drawn.add(points, -1, 2, 1)
    assert points == ((0.5, 0.5, 0), (-1.0, 2.0, 1))
    assert drawn.add(points, 0.5, 0.5, 0) == points  # that very point is there already
    assert drawn.add(points, 0.5, 0.5, 1)[-1] == (0.5, 0.5, 1)  # the other class: a new point
    assert drawn.erase_nearest(points, -0.9, 1.8) == ((0.5, 0.5, 0),)
    assert drawn.erase_nearest(points, 0.4, 0.4) == ((-1.0, 2.0, 1),)
    assert drawn.erase_nearest((), 0, 0) == ()


def test_a_full_drawing_refuses_one_more_point():
    full = tuple(drawn.point(i % 100 / 50 - 1, i // 100 / 10, i % 2) for i in range(1000))
    assert len(set(full)) == drawn.MAX_POINTS
    with pytest.raises(DrawnError) as e:
        drawn.add(full, 2.5, 2.5, 0)
    assert e.value.code == "full"


@pytest.mark.parametrize(
    ("points", "why"),
    [
        ((), "too_few"),
        (SQUARE[:3], "too_few"),
        (SQUARE[:3] + ((0.0, 0.0, 0),), "one_class"),  # 4 points, all class 0
        (tuple((x, y, 1) for x, y, _ in SQUARE), "one_class"),
        (SQUARE[:3] + (SQUARE[3],), None),  # 4 points, both classes
        (SQUARE, None),
    ],
)
def test_the_minimums(points, why):
    assert drawn.problem(points) == why


# ---- the link -----------------------------------------------------------------------------------
def test_encode_decode_round_trip_exact():
    points = SQUARE + ((3.0, 3.0, 1), (-3.0, -3.0, 0), (0.07, 2.99, 1), (0.0, -0.01, 0))
    text = drawn.encode(points)
    assert len(text) == 4 * len(points)
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert drawn.decode(text) == points  # the same points, in the same order
    assert drawn.encode(()) == "" and drawn.decode("") == ()
    assert drawn.decode(drawn.encode(((-3.0, -3.0, 0),))) == ((-3.0, -3.0, 0),)
    assert drawn.encode(((-3.0, -3.0, 0),)) == "AAAA"  # the first code
    assert drawn.decode("  " + text + "\n") == points  # a link copied with blanks around


def test_every_point_on_the_click_grid_survives_a_link():
    points = tuple(
        drawn.point(i / 10, j / 10, (i + j) % 2) for i in range(-30, 31, 3) for j in range(-30, 31)
    )[: drawn.URL_MAX]
    assert drawn.decode(drawn.encode(points)) == points


def test_the_link_limit():
    at_limit = tuple(drawn.point(i / 100, 0, i % 2) for i in range(drawn.URL_MAX))
    assert drawn.decode(drawn.encode(at_limit)) == at_limit  # 200 points: fine
    over = at_limit + ((2.5, 2.5, 0),)
    with pytest.raises(DrawnError) as e:
        drawn.encode(over)
    assert (e.value.code, e.value.params) == ("too_many", {"n": 201, "max": 200})
    assert _code(drawn.encode(at_limit) + "AAAA") == "too_many"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("AAA", "length"),  # not 4 characters a point
        ("AAAAA", "length"),
        ("AA+A", "chars"),  # base64's + and / are not used (a URL would mangle them)
        ("AA/A", "chars"),
        ("AA A", "chars"),
        ("AAAA%", "chars"),
        ("AAÄA", "chars"),
        ("____", "range"),  # a code beyond the plane's 601 × 601 × 2
        ("AAAA____", "range"),
        ("CwXi", "range"),  # 722402: the first code past the last point
    ],
)
def test_bad_links_are_refused_with_the_reason(text, code):
    assert _code(text) == code


def test_the_last_code_is_the_far_corner_and_one_more_is_out():
    assert drawn.decode("CwXh") == ((3.0, 3.0, 1),)
    assert drawn.encode(((3.0, 3.0, 1),)) == "CwXh"


def test_a_link_of_one_class_decodes_but_cannot_train():
    points = tuple((x, y, 0) for x, y, _ in SQUARE)
    assert drawn.decode(drawn.encode(points)) == points
    assert drawn.problem(points) == "one_class"


# ---- setup JSON and CSV -------------------------------------------------------------------------
def test_setup_json_round_trip():
    config = RunConfig(epochs=20, learning_rate=0.03)
    text = drawn.setup_json(config.to_json(), SQUARE)
    assert json.loads(text)["points"][0] == [-1.0, -1.0, 0]
    rest, points = drawn.split_setup(text.encode())
    assert points == SQUARE
    assert RunConfig.from_json(rest) == config
    plain = config.to_json()
    assert drawn.split_setup(plain) == (plain, None)  # no drawing: unchanged
    assert drawn.split_setup(b"\xff not json") == (b"\xff not json", None)  # the reader says why
    assert drawn.split_setup("[1, 2]") == ("[1, 2]", None)


@pytest.mark.parametrize(
    ("points", "code"),
    [
        ("AAAA", "json"),
        ([[0, 0]], "json"),
        ([[0, 0, 0, 0]], "json"),
        ([[0, 0, 0]] * 1001, "json"),
        ([[0, 5, 0]], "range"),
        ([[0, 0, 3]], "class"),
        ([[0, "a", 1]], "value"),
    ],
)
def test_a_bad_drawing_in_a_setup_file_is_refused(points, code):
    with pytest.raises(DrawnError) as e:
        drawn.split_setup(json.dumps({"epochs": 20, "points": points}))
    assert e.value.code == code


def test_the_csv_round_trips_through_the_csv_upload():
    points = SQUARE + ((0.05, -2.95, 1), (3.0, -3.0, 0))
    X, y, names, columns = csv_table.parse(
        csv_table.read_text(io.BytesIO(drawn.to_csv(points).encode()))
    )
    X0, y0, names0 = drawn.dataset(points)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(y, y0)
    assert names == names0 == ["0", "1"]
    assert columns == ("x1", "x2")
    assert drawn.from_arrays(X, y)[0] == points  # and back into a drawing


# ---- a copy of a data set ---------------------------------------------------------------------
def test_copy_of_moons_keeps_its_points():
    X, y = data.make_dataset("moons", 300, 0.1, seed=1)
    points, notes = drawn.from_arrays(X, y)
    assert notes == []
    assert len(points) == 300
    assert points[0] == (round(X[0, 0], 2) + 0.0, round(X[0, 1], 2) + 0.0, int(y[0]))


def test_copy_of_a_big_three_class_set_in_other_units():
    X, y = data.make_dataset("iris")  # 3 classes, petal length up to 6.9 cm
    points, notes = drawn.from_arrays(X, y)
    assert notes == ["classes", "rescaled"]
    assert {c for *_, c in points} == {0, 1}
    xs = np.array([p[:2] for p in points])
    assert np.abs(xs).max() <= drawn.PLANE
    assert np.isclose(np.abs(xs[:, 0]).max(), 0.9 * drawn.PLANE, atol=0.01)
    X, y = data.make_dataset("moons", 3000, 0.2)
    points, notes = drawn.from_arrays(X, y)
    assert "sampled" in notes and len(points) <= drawn.MAX_POINTS


def test_regression_targets_are_not_classes():
    with pytest.raises(DrawnError) as e:
        drawn.from_arrays(np.zeros((5, 2)), np.linspace(0, 1, 5))
    assert e.value.code == "not_classes"


# ---- training on a drawing ----------------------------------------------------------------------
def test_training_on_an_easy_drawing_gets_it_right():
    """Two clouds drawn far apart (left: class 0, right: class 1): a small net separates them,
    on the test split too; a drawing whose labels are swapped is learnt just as well."""
    rng = np.random.default_rng(0)
    left = [drawn.point(-1.5 + a, b, 0) for a, b in rng.uniform(-0.6, 0.6, (20, 2))]
    right = [drawn.point(1.5 + a, b, 1) for a, b in rng.uniform(-0.6, 0.6, (20, 2))]
    points = tuple(left + right)
    config = RunConfig(epochs=50, hidden=(4,))
    result = experiment.run(config, dataset=drawn.dataset(points))
    assert result.status == "ok"
    assert result.final["train_accuracy"] == 1.0 and result.final["test_accuracy"] == 1.0
    assert len(result.y_test) == 8  # the test fraction 0.2 applies: 8 of 40
    p = result.model.forward(result.scaler.transform(np.array([[-2.0, 0.0], [2.0, 0.0]])))
    assert p[0, 0] < 0.5 < p[1, 0]  # left is class 0, right class 1
    swapped = tuple((x, y, 1 - c) for x, y, c in points)
    flipped = experiment.run(config, dataset=drawn.dataset(swapped))
    q = flipped.model.forward(flipped.scaler.transform(np.array([[-2.0, 0.0], [2.0, 0.0]])))
    assert q[0, 0] > 0.5 > q[1, 0]


@pytest.mark.parametrize("counts", [(2, 2), (3, 2), (3, 1), (1, 3), (5, 5)])
def test_a_few_drawn_points_still_split_and_train(counts):
    """4 or 5 points: a stratified split would need a test side of 2 (one point per class);
    the split then goes unstratified (before: "The test_size = 1 should be greater or equal to
    the number of classes = 2" for 2 + 2 and 3 + 2 points), and both sides are non-empty."""
    n0, n1 = counts
    points = tuple(drawn.point(-1 - i / 10, 0, 0) for i in range(n0))
    points += tuple(drawn.point(1 + i / 10, 0, 1) for i in range(n1))
    X, y, _ = drawn.dataset(points)
    X_tr, X_te, y_tr, y_te = experiment.split(RunConfig(), X, y)
    assert len(y_te) == int(np.ceil(0.2 * len(y))) and len(y_tr) == len(y) - len(y_te)
    assert sorted(np.concatenate([y_tr, y_te]).tolist()) == sorted(y.tolist())
    result = experiment.run(RunConfig(epochs=5), dataset=(X, y, ["0", "1"]))
    assert result.status == "ok" and len(result.history) == 6


def test_a_stratified_split_is_unchanged_where_it_was_possible():
    X, y = data.make_dataset("moons", 200, 0.2)
    from sklearn.model_selection import train_test_split

    ours = experiment.split(RunConfig(), X, y)
    theirs = train_test_split(X, y, test_size=0.2, random_state=0, stratify=y)
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_array_equal(a, b)
