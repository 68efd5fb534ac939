"""The network view in a real browser: one picture with a map per unit, at least 48 px each at
desktop width, no wider than a phone's screen; clicking a unit's map picks it (the picker names
it, its bias and incoming weights appear), in English and Korean. Screenshots go to
artifacts/screenshots/network_*.png for a human to look at."""

from __future__ import annotations

import pytest

from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

# The network picture is the chart with ≥ 19 images; their boxes on screen, in unit order
# (after scrolling the picture into view).
MAPS = """() => {
  const charts = [...document.querySelectorAll('[data-testid=stVegaLiteChart]')];
  const net = charts.find((c) => c.querySelectorAll('image').length >= 19);
  if (!net) return [];
  net.scrollIntoView({block: 'center'});
  return [...net.querySelectorAll('image')].map((i) => {
    const b = i.getBoundingClientRect();
    return [b.left, b.top, b.width, b.height];
  });
}"""


@pytest.mark.parametrize(("lang", "width"), [("en", 1400), ("ko", 390)])
def test_clicking_a_unit_shows_it_with_its_weights(app, new_page, lang, width):
    cat = EN if lang == "en" else KO
    page = new_page(width, 900)
    app.open(page, f"?lang={lang}")
    view = page.get_by_role("radio", name=cat["view.network"], exact=True).first
    app.rerun(page, view.click, settle_ms=800)
    page.wait_for_function(f"() => ({MAPS})().length === 19", timeout=30_000)
    maps = page.evaluate(MAPS)  # the default net 2-8-8-1: inputs, 16 hidden units, the output
    assert len(maps) == 19
    assert all(w >= 47.5 and h >= 47.5 for *_, w, h in maps)  # ≥ 48 px up to 8 units a layer
    assert all(left >= 0 and left + w <= width for left, _, w, _ in maps)  # on screen
    app.screenshot(page, f"network_{lang}_{width}", height=1800)

    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(500)
    left, top, w, h = page.evaluate(MAPS)[2 + 3]  # hidden layer 1, unit 4
    app.rerun(page, lambda: page.mouse.click(left + w / 2, top + h / 2), settle_ms=800)
    name = cat["chart.hidden_unit"].format(l=1, j=4)
    picker = page.locator("[data-testid=stSelectbox]").filter(has_text=cat["network.pick"])
    shown = picker.inner_text() + " ".join(i.input_value() for i in picker.locator("input").all())
    assert name in shown  # the picker names the clicked unit
    assert page.locator("strong", has_text=name).first.is_visible()  # shown large
    assert page.get_by_text(cat["network.bias"].split("{")[0].strip()).first.is_visible()
    app.screenshot(page, f"network_{lang}_{width}_unit", height=2600)
