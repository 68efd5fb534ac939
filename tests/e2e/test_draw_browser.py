"""Draw mode in a real browser: clicks on the drawing plane add points (the count and the link's
points= grow by one point each, in the chosen class), the drawing trains once it has both
classes, and a link with a drawing opens with it, in Korean. Screenshots go to
artifacts/screenshots/draw_*.png for a human to look at."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from playground import drawn
from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

# The drawing plane's plot area on screen (its Vega background: the largest one in the chart).
PLOT = """() => {
  const plots = [...document.querySelectorAll('.st-key-draw_plane svg.marks path.background')]
    .map((p) => p.getBoundingClientRect()).filter((b) => b.width > 100);
  if (!plots.length) return null;
  const b = plots[0];
  return [b.left, b.top, b.width, b.height];
}"""


def _points(page) -> drawn.Points:
    value = parse_qs(urlparse(page.url).query, keep_blank_values=True).get("points", [""])[0]
    return drawn.decode(value)


def _click_plane(app, page, fx: float, fy: float) -> None:
    """Click at (fx, fy) of the plot (0..1 from its top left corner) and wait for the rerun."""
    page.wait_for_function(f"() => ({PLOT})() !== null", timeout=30_000)
    left, top, w, h = page.evaluate(PLOT)
    app.rerun(page, lambda: page.mouse.click(left + fx * w, top + fy * h), settle_ms=500)


def _count_text(cat, n0: int, n1: int) -> str:
    return cat["draw.count"].format(n=n0 + n1, n0=n0, n1=n1)


def test_clicks_on_the_plane_add_points_and_the_drawing_trains(app, new_page):
    page = new_page(1280, 1000)
    app.open(page, "?lang=en&epochs=50")
    app.rerun(page, page.get_by_text(EN["draw.toggle"], exact=True).click)
    panel = page.locator(".st-key-draw_panel")
    assert EN["draw.count"].format(n=0, n0=0, n1=0) in panel.inner_text()
    clicks = [(0.2, 0.25, 0), (0.3, 0.15, 0), (0.25, 0.35, 0), (0.75, 0.7, 1), (0.7, 0.85, 1),
              (0.8, 0.8, 1)]  # fmt: skip
    for i, (fx, fy, c) in enumerate(clicks):
        if i == 3:  # the other class
            app.rerun(page, page.get_by_role("radio", name=EN["draw.mode.1"]).click)
        _click_plane(app, page, fx, fy)
        n0 = sum(1 for *_, k in clicks[: i + 1] if k == 0)
        assert _count_text(EN, n0, i + 1 - n0) in panel.inner_text()
        points = _points(page)
        assert len(points) == i + 1 and points[-1][2] == c
        x, y, _ = points[-1]  # where the click was: x grows rightwards, y upwards
        assert x == pytest.approx(-3 + 6 * fx, abs=0.11)
        assert y == pytest.approx(3 - 6 * fy, abs=0.11)
        if i < 3:  # too few points, one class: the page says so and trains nothing
            assert page.get_by_text(EN["draw.split"].split(":")[0]).first.is_visible()
            assert page.locator("[data-testid=stMetric]").count() == 0
    page.wait_for_selector("[data-testid=stMetric]", state="visible")  # it trained
    assert page.get_by_text(EN["draw.active"].split(":")[0]).first.is_visible()
    app.screenshot(page, "draw_en_1280", height=1600)
    drawing = _points(page)
    app.rerun(page, page.get_by_role("radio", name=EN["draw.mode.erase"]).click)
    _click_plane(app, page, 0.8, 0.8)  # on the last point: it goes
    assert _points(page) == drawing[:-1]
    app.rerun(page, page.get_by_role("button", name=EN["draw.clear"]).click)
    assert _points(page) == ()
    assert _count_text(EN, 0, 0) in panel.inner_text()


def test_a_link_with_a_drawing_opens_with_it_in_korean(app, new_page):
    left = [(-1.5 + 0.1 * i, 0.2 * (i % 3), 0) for i in range(6)]
    right = [(1.5 - 0.1 * i, -0.2 * (i % 3), 1) for i in range(6)]
    points = tuple(drawn.point(*p) for p in left + right)
    page = new_page(1280, 1000, locale="ko-KR")
    app.open(page, f"?lang=ko&epochs=50&points={drawn.encode(points)}")
    panel = page.locator(".st-key-draw_panel")
    assert _count_text(KO, 6, 6) in panel.inner_text()
    assert _points(page) == points  # the address keeps the drawing as it was
    assert page.get_by_text(KO["draw.active"].split(".")[0]).first.is_visible()
    app.screenshot(page, "draw_ko_1280", height=1600)
