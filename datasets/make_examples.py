"""Regenerate the example CSV data sets in this folder: `python datasets/make_examples.py`."""

import csv
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent


def write(name: str, header: list[str], rows: list[list]) -> None:
    with open(HERE / name, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([header, *rows])


def two_clusters(rng: np.random.Generator) -> None:
    """Two overlapping clusters in different units: width in cm, weight in grams."""
    rows = []
    for color, width, weight in (("red", (6.0, 1.0), (150, 30)), ("blue", (9.0, 1.2), (230, 35))):
        for _ in range(100):
            rows.append([round(rng.normal(*width), 1), round(rng.normal(*weight)), color])
    write(
        "two_clusters_demo.csv",
        ["width_cm", "weight_g", "color"],
        [rows[i] for i in rng.permutation(200)],
    )


def exam_scores(rng: np.random.Generator) -> None:
    """Two exam scores (0..100); admission roughly logistic in their sum."""
    rows = []
    for _ in range(150):
        e1, e2 = np.clip(rng.normal(65, 15, 2), 0, 100).round(1)
        p = 1 / (1 + np.exp(-(e1 + e2 - 130) / 6))
        rows.append([e1, e2, "yes" if rng.random() < p else "no"])
    write("exam_scores.csv", ["exam1", "exam2", "admitted"], rows)


if __name__ == "__main__":
    two_clusters(np.random.default_rng(0))
    exam_scores(np.random.default_rng(1))
