"""A regression run in a real browser: the value map drawn (an image with the points on top), R²
and MSE among the metrics, the R² curve, in English and Korean; screenshots in artifacts."""

from __future__ import annotations

import pytest

from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

EXCEPTION = "[data-testid=stException]"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_regression_playground(app, new_page, lang):
    cat = EN if lang == "en" else KO
    page = new_page(1400, 1000)
    app.open(page, f"?dataset=regression_gaussians&loss=Huber&epochs=50&lang={lang}")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    metrics = page.locator("[data-testid=stMetricLabel]").all_inner_texts()
    for key in ("metric.train_r2", "metric.test_r2", "metric.test_mse"):
        assert cat[key] in metrics, (key, metrics)
    assert cat["metric.test_acc"] not in metrics
    assert page.get_by_text(cat["heatmap.title"], exact=True).first.is_visible()
    assert page.get_by_text(cat["heatmap.caption"]).first.is_visible()
    charts = page.locator("[data-testid=stVegaLiteChart]")
    assert charts.count() >= 3  # the value map, the loss and the R² curves
    app.screenshot(page, f"regression_{lang}", height=1900)
