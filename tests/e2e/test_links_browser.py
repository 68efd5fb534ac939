"""Links in a real browser: settings at their first option or minimum, set by hand, survive
"copy the address, open it in a new browser"; Learn's "Try it" leaves the preset in the address;
/playground?lang=ko is the playground in Korean.

In the browser it is the page itself (Streamlit's frontend) that writes a changed widget into the
address, leaving out a value equal to the widget's default: these tests see what a user sees.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from playground import presets
from playground.app import sidebar
from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

EXCEPTION = "[data-testid=stException]"
# Set by hand, in this order (depth 0 first: every later run is quick).
SLIDERS = {  # label -> (key, the value its first position shows)
    EN["depth"]: ("depth", "0"),
    EN["width"]: ("width", "1"),
    EN["epochs"]: ("epochs", "10"),
    EN["batch_size"]: ("batch_size", "0"),
    EN["noise"]: ("noise", "0.00"),
    EN["n_samples"]: ("n_samples", "50"),
}
SELECTS = {  # label -> (key, the first option's label)
    EN["optimizer"]: ("optimizer", "SGD"),
    EN["scaler"]: ("scaler", "none"),
    EN["activation"]: ("activation", "Linear"),
    EN["initializer"]: ("initializer", "zeros"),
}


def slider(page, label: str):
    return page.locator(f'input[type=range][aria-label="{label}"]')


def combobox(page, label: str):
    return page.get_by_role("combobox", name=label, exact=True)


def open_options(page, label: str) -> None:
    """Open a selectbox's list (right after a slider had the keyboard focus, a click may only
    focus the box: the arrow key opens it then)."""
    box = combobox(page, label)
    box.click()
    page.wait_for_timeout(300)
    if page.get_by_role("option").count() == 0:
        box.press("ArrowDown")
    page.get_by_role("option").first.wait_for(state="visible")


def no_exception(page) -> None:
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()


def test_first_options_and_minimums_survive_a_copied_link(app, new_page):
    page = new_page(1280, 900)
    app.open(page, "?epochs=20")
    for label, (_, shown) in SLIDERS.items():
        thumb = slider(page, label)
        app.rerun(page, lambda thumb=thumb: (thumb.focus(), page.keyboard.press("Home")))
        assert thumb.get_attribute("aria-valuetext") == shown, label
    for label, (_, shown) in SELECTS.items():
        open_options(page, label)
        app.rerun(page, page.get_by_role("option", name=shown, exact=True).click)
        assert combobox(page, label).input_value() == shown, label
    no_exception(page)
    link = page.url
    params = {k: v[-1] for k, v in parse_qs(urlparse(link).query).items()}
    for key, shown in [*SLIDERS.values(), *SELECTS.values()]:  # none is left out
        assert key in params and params[key] in (shown, shown.rstrip("0").rstrip(".")), key

    fresh = new_page(1280, 900)  # a new browser context: no session, no cookies, only the link
    app.open(fresh, "?" + urlparse(link).query)
    no_exception(fresh)
    for label, (_, shown) in SLIDERS.items():
        assert slider(fresh, label).get_attribute("aria-valuetext") == shown, label
    for label, (_, shown) in SELECTS.items():
        assert combobox(fresh, label).input_value() == shown, label
    assert fresh.url == link  # and the reopened page's address is the same link
    app.screenshot(fresh, "link_first_options")


def test_try_it_leaves_the_preset_in_the_address(app, new_page):
    preset = presets.get("full_batch_gd")  # SGD and batch 0: first options
    page = new_page(1280, 900)
    page.goto(f"{app.base}/learn?lang=ko")
    app.wait_idle(page, settle_ms=500)
    page.locator(".st-key-learn_section button", has_text=KO["learn.sec.5"]).click()
    app.wait_idle(page, settle_ms=500)
    button = page.locator(".st-key-try_5_full_batch_gd button")
    button.click()
    page.wait_for_selector("[data-testid=stMetric]", state="visible", timeout=60_000)
    app.wait_idle(page)
    no_exception(page)
    query = {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}
    assert query == {**sidebar.url_query(preset.config), "lang": "ko"}, page.url

    fresh = new_page(1280, 900)
    app.open(fresh, "?" + urlparse(page.url).query)
    assert combobox(fresh, KO["optimizer"]).input_value() == "SGD"
    assert slider(fresh, KO["batch_size"]).get_attribute("aria-valuetext") == "0"
    assert slider(fresh, KO["learning_rate"]).get_attribute("aria-valuetext") == "0.1"


def test_playground_path_in_korean(app, new_page):
    page = new_page(1280, 900)
    page.goto(f"{app.base}/playground?lang=ko&optimizer=SGD&depth=0")
    page.wait_for_selector("[data-testid=stMetric]", state="visible", timeout=60_000)
    app.wait_idle(page)
    no_exception(page)
    assert page.get_by_role("heading", name=KO["app.title"], exact=True).is_visible()
    assert page.get_by_text("Page not found").count() == 0
    assert combobox(page, KO["optimizer"]).input_value() == "SGD"
    assert slider(page, KO["depth"]).get_attribute("aria-valuetext") == "0"
    assert urlparse(page.url).path == "/playground"
    assert parse_qs(urlparse(page.url).query)["lang"] == ["ko"]


def test_a_menu_switch_keeps_the_setup_in_the_address(app, new_page):
    """From the playground to Compare by the menu: the address still holds the setup (a name
    as RunConfig spells it, optimizer=sgd, is read too), and a reload there keeps it."""
    page = new_page(1280, 900)
    app.open(page, "?optimizer=sgd&depth=1&width=5&epochs=50")
    assert combobox(page, EN["optimizer"]).input_value() == "SGD"
    menu = page.locator("[data-testid=stTopNavLink], [data-testid=stSidebarNavLink]")
    app.rerun(page, lambda: menu.filter(has_text=EN["cmp.nav"]).first.click())
    page.wait_for_function("() => location.pathname === '/compare'", timeout=30_000)
    setup = {"optimizer": "SGD", "depth": "1", "width": "5", "epochs": "50"}
    page.wait_for_function(
        "() => new URLSearchParams(location.search).get('width') === '5'", timeout=30_000
    )
    query = {k: v[-1] for k, v in parse_qs(urlparse(page.url).query).items()}
    assert {k: query.get(k) for k in setup} == setup, page.url
    page.reload()
    page.wait_for_selector("h1", state="visible", timeout=60_000)
    app.wait_idle(page, settle_ms=500)
    no_exception(page)
    assert combobox(page, EN["optimizer"]).input_value() == "SGD"
    assert slider(page, EN["width"]).get_attribute("aria-valuetext") == "5"
    assert slider(page, EN["depth"]).get_attribute("aria-valuetext") == "1"
