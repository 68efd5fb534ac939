"""Maxout's combined weights: per input, the piece with the larger |w| (what the network picture
draws for a maxout layer; tests/unit/test_network_picture.py tests the picture)."""

from __future__ import annotations

import numpy as np
import pytest
from chart_support import small_runs

from playground import charts


@pytest.fixture(scope="module")
def results():
    return small_runs()


def test_maxout_weights_keep_the_larger_piece(results):
    model = results["maxout"].model
    W = model.params[0]  # (2, 5 units * 2 pieces)
    combined = charts.combined_weights(model)[0]
    assert combined.shape == (2, 5)
    pieces = W.reshape(2, 5, 2)
    expected = np.where(
        np.abs(pieces[..., 0]) >= np.abs(pieces[..., 1]), *pieces.transpose(2, 0, 1)
    )
    np.testing.assert_array_equal(combined, expected)
    assert not np.array_equal(combined, pieces[..., 0])  # the larger piece is not always the first
