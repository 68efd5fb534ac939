"""A workshop room in a real browser: the instructor opens the dashboard with the key and creates
a room; two attendees join (one by link, one through the form), solve an exercise, reload and
keep their progress, while the instructor's live view counts them. The instructor key appears in
no address the browser requested and in no server log line; a bad code gets its message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from playground.app.i18n import EN, KO
from tests.e2e.conftest import (
    RERUN_TIMEOUT,
    App,
    count_websockets,
    require_browser,
    start_server,
    stop_server,
)

pytestmark = pytest.mark.e2e
KEY = "e2e-instructor-key-7f3a9c1d"
SOLUTION = "dataset=circles&width=3&depth=1"  # circles_nodes' solution, as sidebar parameters
EXCEPTION = "[data-testid=stException]"
METRIC = """(label) => [...document.querySelectorAll('[data-testid=stMetric]')]
  .filter(m => m.innerText.split('\\n')[0].trim() === label)
  .map(m => m.querySelector('[data-testid=stMetricValue]').innerText.trim())[0]"""


@pytest.fixture(scope="module")
def room_server(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """A server with its own room database (SQLite file) and an instructor key."""
    require_browser()
    folder = tmp_path_factory.mktemp("room_server")
    log = folder / "server.log"
    env = {"PLAYGROUND_DB": str(folder / "rooms.sqlite"), "PLAYGROUND_INSTRUCTOR_KEY": KEY}
    proc, base = start_server(log, env=env)
    try:
        yield base, log
    finally:
        stop_server(proc)


@pytest.fixture
def pages(room_server, browser) -> Iterator:
    """`pages(locale)`: a page in a fresh browser context (its own Streamlit session); every
    address any of them requests is collected in `pages.urls`."""
    contexts, urls = [], []

    def make(locale: str = "en-US"):
        ctx = browser.new_context(viewport={"width": 1280, "height": 1000}, locale=locale)
        ctx.set_default_timeout(RERUN_TIMEOUT)
        count_websockets(ctx)
        ctx.on("request", lambda r: urls.append(r.url))
        contexts.append(ctx)
        return ctx.new_page()

    make.urls = urls
    yield make
    for ctx in contexts:
        ctx.close()


def opened(app: App, page, path: str) -> None:
    page.goto(f"{app.base}/{path}")
    page.wait_for_selector("h1", state="visible", timeout=90_000)
    app.wait_idle(page, settle_ms=500)
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()


def metric(page, label: str) -> str | None:
    return page.evaluate(METRIC, label)


def wait_metric(page, label: str, value: str) -> None:
    page.wait_for_function(f"({METRIC})({label!r}) === {value!r}", timeout=30_000, polling=250)


def check_and_see_solved(app: App, page) -> None:
    app.rerun(page, lambda: page.get_by_role("button", name=EN["ex.check"]).click())
    page.get_by_text(EN["ex.solved"], exact=True).wait_for(timeout=RERUN_TIMEOUT)


def pick_exercise(page, text: str) -> None:
    """Choose the exercise whose title holds `text` in the room form's multiselect, and see its
    tag before going on: the form is client-side until Create, and under load a pick can be
    lost (an Enter before the list filtered; a click while the list re-rendered), after which
    the form says "pick an exercise" and no room is made. Up to three tries."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    box = page.get_by_label(EN["ins.pick"], exact=True)
    field = page.locator("[data-testid=stMultiSelect]", has_text=EN["ins.pick"])
    tag = field.locator("[data-testid=stMultiSelectTagsContainer] [data-tag]").first
    for attempt in range(3):
        box.click()
        if attempt:
            box.fill("")  # what an earlier try left typed
        page.keyboard.type(text)
        try:
            page.get_by_role("option", name=re.compile(text)).click(timeout=10_000)
            page.keyboard.press("Escape")
            tag.wait_for(timeout=10_000)
            return
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    raise AssertionError(f"the exercise {text!r} could not be picked in 3 tries")


def test_two_attendees_solve_reload_and_the_instructor_watches(room_server, pages):
    base, log = room_server
    app = App(base)

    # ---- the instructor: key, a new room -------------------------------------------------------
    teacher = pages()
    opened(app, teacher, "instructor")
    teacher.get_by_label(EN["ins.key"], exact=True).fill(KEY)
    app.rerun(teacher, lambda: teacher.get_by_role("button", name=EN["ins.open"]).click())
    assert KEY not in teacher.url
    teacher.get_by_text(EN["ins.create"]).click()
    teacher.get_by_label(EN["ins.room_title"], exact=True).fill("Workshop <b>1</b>")
    pick_exercise(teacher, "circles need")
    app.rerun(teacher, lambda: teacher.get_by_role("button", name=EN["ins.create_btn"]).click())
    pattern = r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b"
    teacher.locator("[data-testid=stCode]", has_text=re.compile(pattern)).first.wait_for()
    shown = " ".join(teacher.locator("[data-testid=stCode]").all_inner_texts())
    found = re.search(pattern, shown)
    assert found, shown
    code = found.group()
    assert f"/exercises?room={code}" in shown  # the link attendees open
    assert metric(teacher, EN["ins.joined"]) == "0"
    app.screenshot(teacher, "room_instructor_empty_en", height=1400)

    # ---- attendee 1 by link, attendee 2 through the form ---------------------------------------
    ann = pages()
    opened(app, ann, f"exercises?room={code}&name=Ann&{SOLUTION}")
    assert ann.get_by_text("you are", exact=False).first.is_visible()
    check_and_see_solved(app, ann)
    wait_metric(teacher, EN["ins.joined"], "1")
    wait_metric(teacher, EN["ins.solved_all"], "1")

    bo = pages("ko-KR")
    opened(app, bo, f"exercises?lang=ko&{SOLUTION}")
    bo.get_by_text(KO["room.join_title"]).click()
    app.screenshot(bo, "room_join_ko", height=1000)
    bo.get_by_label(KO["room.code"], exact=True).fill(code.lower())
    bo.get_by_label(KO["room.name"], exact=True).fill("<script>alert(1)</script>보라")
    app.rerun(bo, lambda: bo.get_by_role("button", name=KO["room.join"]).click())
    assert bo.get_by_text("<script>alert(1)</script>보라", exact=False).first.is_visible()
    assert "room=" in bo.url and "name=" in bo.url
    app.rerun(bo, lambda: bo.get_by_role("button", name=KO["ex.check"]).click())
    bo.get_by_text(KO["ex.solved"], exact=True).wait_for(timeout=RERUN_TIMEOUT)
    app.screenshot(bo, "room_attendee_ko", height=1600)
    wait_metric(teacher, EN["ins.joined"], "2")
    wait_metric(teacher, EN["ins.solved_all"], "2")
    app.screenshot(teacher, "room_instructor_live_en", height=1800)

    # ---- reloads keep the progress ---------------------------------------------------------------
    for page, cat in ((ann, EN), (bo, KO)):
        page.reload()
        page.wait_for_selector("h1", state="visible", timeout=90_000)
        app.wait_idle(page, settle_ms=500)
        assert page.locator(EXCEPTION).count() == 0
        bar = cat["ex.progress_bar"].format(solved=1, total=1)
        assert page.get_by_text(bar).first.is_visible(), bar
    assert metric(teacher, EN["ins.joined"]) == "2"  # the reloads are the same two attendees

    # ---- the results as CSV ----------------------------------------------------------------------
    with teacher.expect_download() as download:
        teacher.get_by_role("button", name=EN["ins.export"]).click()
    rows = Path(download.value.path()).read_text().splitlines()
    assert rows[0].startswith("room,attendee,") and len(rows) == 3
    assert [r.split(",")[1] for r in rows[1:]] == ["Ann", "<script>alert(1)</script>보라"]
    assert all(",circles_nodes,1,1,1,yes," in r for r in rows[1:])  # steps, checks, solved

    # ---- the key: in no address, no log line --------------------------------------------------
    assert not [u for u in pages.urls if KEY in u]
    assert KEY not in log.read_text(errors="replace")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bad_code_gets_its_message_and_the_instructor_page_in_both_languages(
    room_server, pages, lang
):
    app = App(room_server[0])
    cat = EN if lang == "en" else KO
    page = pages("ko-KR" if lang == "ko" else "en-US")
    opened(app, page, f"exercises?lang={lang}&room=7K3M-Q9XA-W2HD&name=Ann")
    assert page.get_by_text(cat["rooms.unknown_code"].split("`")[0], exact=False).is_visible()
    opened(app, page, f"instructor?lang={lang}")
    page.get_by_label(cat["ins.key"], exact=True).fill("not-the-key-at-all")
    app.rerun(page, lambda: page.get_by_role("button", name=cat["ins.open"]).click())
    assert page.get_by_text(cat["ins.wrong_key"]).is_visible()
    page.get_by_label(cat["ins.key"], exact=True).fill(KEY)
    app.rerun(page, lambda: page.get_by_role("button", name=cat["ins.open"]).click())
    assert page.get_by_role("heading", name=cat["ins.title"]).is_visible()
    assert KEY not in page.url
    app.screenshot(page, f"room_instructor_{lang}", height=1600)


def test_a_personal_link_outlives_a_reload_elsewhere_and_step_two_goes_on_elsewhere(
    room_server, pages
):
    """A room without rejoining by name: Kim solves step 1 of vanish_fix, switches to the
    Playground and reloads there (the seat stays in the address), comes back with her progress;
    on another device her personal link offers the setup that passed step 1, and one change from
    it solves step 2."""
    from urllib.parse import urlencode

    from playground import exercises
    from playground.app.links import url_query
    from playground.rooms import Store

    base, log = room_server
    app = App(base)
    ex = exercises.get("vanish_fix")
    store = Store.open(environ={"PLAYGROUND_DB": str(log.parent / "rooms.sqlite")})
    try:
        code = store.create_room("Strict", [ex.id], rejoin_by_name=False).shown_code
    finally:
        store.engine.dispose()
    kim = pages()
    opened(app, kim, f"exercises?room={code}")
    kim.get_by_label(EN["room.name"], exact=True).fill("Kim")
    kim.get_by_role("button", name=EN["room.join"]).click()
    kim.wait_for_url(re.compile(r"[?&]seat="), timeout=RERUN_TIMEOUT)
    seat = re.search(r"[?&]seat=([\w-]+)", kim.url)
    assert seat and "name=" not in kim.url, kim.url
    opened(app, kim, f"exercises?seat={seat[1]}&{urlencode(url_query(ex.solution[0]))}")
    app.rerun(kim, lambda: kim.get_by_role("button", name=EN["ex.check"]).click())
    step1 = EN["ex.step_done"].split("{")[0]
    kim.get_by_text(step1, exact=False).first.wait_for()

    kim.get_by_role("link", name=EN["nav.playground"]).first.click()
    kim.wait_for_function("() => !location.pathname.includes('exercises')")
    app.wait_idle(kim, settle_ms=1000)
    assert f"seat={seat[1]}" in kim.url, kim.url  # the page put the seat back into its address
    kim.reload()
    kim.wait_for_selector("h1", state="visible", timeout=90_000)
    app.wait_idle(kim, settle_ms=500)
    kim.get_by_role("link", name=EN["ex.nav"]).first.click()
    kim.wait_for_function("() => location.pathname.includes('exercises')")
    app.wait_idle(kim, settle_ms=1000)
    assert kim.get_by_text(EN["room.welcome_back"].format(name="Kim")).is_visible()
    load = EN["ex.load_reached"].format(n=1)  # step 1 passed: step 2 starts from its setup
    assert kim.get_by_role("button", name=load).is_visible()

    other = pages()  # another device, through the personal link
    opened(app, other, f"exercises?seat={seat[1]}")
    other.get_by_role("button", name=load).click()
    other.wait_for_function("() => !location.pathname.includes('exercises')")
    app.wait_idle(other, settle_ms=1000)
    assert "activation=Sigmoid" in other.url and "depth=6" in other.url, other.url
    query = urlencode({"seat": seat[1], **url_query(ex.solution[1])})  # one change: tanh
    opened(app, other, f"exercises?{query}")
    app.rerun(other, lambda: other.get_by_text(EN[f"ex.{ex.id}.predict.0"]).click())
    app.rerun(other, lambda: other.get_by_role("button", name=EN["ex.check"]).click())
    other.get_by_text(EN["ex.solved"], exact=True).wait_for(timeout=RERUN_TIMEOUT)
    app.screenshot(other, "room_step_two_other_device_en", height=2000)
    assert other.locator(EXCEPTION).count() == 0
