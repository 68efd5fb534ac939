"""The app in a real browser (headless chromium): it loads, a knob changes the picture and the
link, Korean works (by link and by browser language), a phone can open it. Screenshots go to
artifacts/screenshots/ for a human to look at."""

from __future__ import annotations

import re

import pytest

from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

EXCEPTION = "[data-testid=stException]"
CHART = "[data-testid=stVegaLiteChart]"
# The decision boundary is one PNG (vega `image` mark) in the first chart of the page.
BOUNDARY_PNG = f"""() => {{
  const img = document.querySelector('{CHART} svg image, {CHART} image');
  return img ? (img.getAttribute('href') || img.getAttribute('xlink:href')) : null;
}}"""


def no_exception(page) -> None:
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()


def metric_labels(page) -> list[str]:
    return page.locator("[data-testid=stMetricLabel]").all_inner_texts()


def test_page_loads_in_english(app, new_page):
    page = new_page(1280, 800)
    app.open(page)
    no_exception(page)
    title = page.get_by_role("heading", name=EN["app.title"], exact=True)
    assert title.is_visible()
    assert [m.strip() for m in metric_labels(page)] == [
        EN[k]
        for k in (
            "metric.train_loss",
            "metric.test_loss",
            "metric.train_acc",
            "metric.test_acc",
            "metric.epochs",
            "metric.time",
            "metric.params",
        )
    ]
    assert page.locator(CHART).count() >= 3  # boundary, loss, accuracy (+ the view's)
    png = page.evaluate(BOUNDARY_PNG)
    assert png and png.startswith("data:image/png;base64,")
    assert page.get_by_text(EN["sec.1"], exact=True).is_visible()
    app.screenshot(page, "en_desktop")
    no_exception(page)


def test_changing_the_activation_redraws_the_boundary_and_the_link(app, new_page):
    page = new_page(1280, 800)
    app.open(page, "?epochs=50")
    before = page.evaluate(BOUNDARY_PNG)
    assert before
    box = page.get_by_role("combobox", name=EN["activation"], exact=True)
    assert box.input_value() == "tanh"
    box.click()
    option = page.get_by_role("option", name="ReLU", exact=True)
    app.rerun(page, option.click)
    no_exception(page)
    assert box.input_value() == "ReLU"
    assert re.search(r"[?&]activation=ReLU(&|$)", page.url), page.url
    assert "epochs=50" in page.url
    page.wait_for_function(f"() => ({BOUNDARY_PNG})() !== {before!r}", timeout=10_000)
    after = page.evaluate(BOUNDARY_PNG)
    assert after and after.startswith("data:image/png;base64,") and after != before


def test_a_shared_link_restores_the_setup_and_names_a_bad_value(app, new_page):
    page = new_page(1280, 800)
    app.open(page, "?activation=ReLU&depth=3&learning_rate=0.1&scaler=Normalizer+(L2)&l2=abc")
    no_exception(page)
    assert page.get_by_role("combobox", name=EN["activation"], exact=True).input_value() == "ReLU"
    scaler = page.get_by_role("combobox", name=EN["scaler"], exact=True)
    assert scaler.input_value() == "Normalizer (L2)"
    params = page.locator("[data-testid=stMetric]").filter(has_text=EN["metric.params"])
    assert params.locator("[data-testid=stMetricValue]").inner_text().strip() == "177"
    # A bad value in a link is named, not fatal.
    allowed = EN["allowed.one_of"].format(values="0, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1")
    warning = EN["url.invalid"].format(field=EN["l2"], value="abc", allowed=allowed, default="0")
    assert page.get_by_text(warning).is_visible()
    assert "l2=" not in page.url  # taken out of the address: a reload does not repeat it


def test_a_hostile_link_value_is_shown_as_text_not_a_link(app, new_page):
    """Escaping alone did not stop Chromium from autolinking an escaped https:// address."""
    page = new_page(1280, 800)
    app.open(
        page, "?activation=%5Bclick%20me%5D(https://evil.example/phish)&width=a@b.com%20www.e.com"
    )
    no_exception(page)
    alerts = page.locator("[data-testid=stAlert]")
    assert "evil.example/phish" in alerts.first.inner_text()
    assert alerts.locator("a").count() == 0
    assert (
        page.locator(
            "[data-testid=stMain] a[href*='evil'], [data-testid=stMain] img[src*='evil']"
        ).count()
        == 0
    )


def check_korean(page) -> None:
    no_exception(page)
    assert page.get_by_role("heading", name=KO["app.title"], exact=True).is_visible()
    assert page.get_by_text("① 입력 값 전처리", exact=True).is_visible()
    assert page.get_by_text("결정 경계", exact=True).is_visible()
    assert "학습 정확도" in [m.strip() for m in metric_labels(page)]
    assert page.get_by_text(EN["sec.1"], exact=True).count() == 0


def test_korean_by_link(app, new_page):
    page = new_page(1280, 800)
    app.open(page, "?lang=ko")
    check_korean(page)
    app.screenshot(page, "ko_desktop")


def test_korean_by_browser_language(app, new_page):
    page = new_page(1280, 800, locale="ko-KR")
    app.open(page)
    assert "lang=" not in page.url or "lang=ko" in page.url
    check_korean(page)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_phone_width(app, new_page, lang):
    page = new_page(390, 844, locale="ko-KR" if lang == "ko" else "en-US")
    app.open(page, f"?lang={lang}")
    no_exception(page)
    cat = {"en": EN, "ko": KO}[lang]
    assert page.get_by_role("heading", name=cat["app.title"], exact=True).is_visible()
    # Nothing wider than the screen: the page itself must not scroll sideways.
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"page is {overflow}px wider than the phone"
    app.screenshot(page, f"{lang}_phone_top", height=844)
    app.screenshot(page, f"{lang}_phone", height=3200)
    no_exception(page)


def test_views_in_korean(app, new_page):
    """Each "look closer" view draws without an exception (a screenshot of each)."""
    page = new_page(1280, 800)
    app.open(page, "?lang=ko&epochs=50")
    for view in ("scaler", "network", "step"):
        app.rerun(page, page.get_by_role("radio", name=KO[f"view.{view}"], exact=True).click)
        no_exception(page)
        if view == "network":  # the picture of every unit, and its unit picker
            picker = page.locator("[data-testid=stSelectbox]").filter(has_text=KO["network.pick"])
            assert picker.count() == 1
            assert page.locator("[data-testid=stVegaLiteChart]").count() >= 1
        if view == "step":
            state = KO["step.state"]
            assert page.get_by_text(state.format(epoch=0, epochs=50), exact=True).is_visible()
            app.rerun(page, page.get_by_role("button", name=KO["step.one"], exact=True).click)
            no_exception(page)
            assert page.get_by_text(state.format(epoch=1, epochs=50), exact=True).is_visible()
        app.screenshot(page, f"ko_view_{view}")
        page.set_viewport_size({"width": 1280, "height": 800})
