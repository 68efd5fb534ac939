"""Live training in a real browser: press Play and watch the epoch counter and the boundary
change frame by frame, pause, step one mini-batch, change the learning rate mid-run and see its
marker on the curves, restart. Screenshots of live play at desktop and phone width, EN and KO,
go to artifacts/screenshots/live_*.png."""

from __future__ import annotations

import time

import pytest

from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

CHART = "[data-testid=stVegaLiteChart]"
EXCEPTION = "[data-testid=stException]"
LONG = "?epochs=1000&n_samples=500"  # the default network, long enough to watch
FRAME = """() => {
  const m = [...document.querySelectorAll('[data-testid=stMetric]')]
    .find(e => e.innerText.includes(%r));
  const chart = document.querySelector('[data-testid=stVegaLiteChart]');
  const img = chart && chart.querySelector('image');
  const canvas = chart && chart.querySelector('canvas');
  let look = img ? img.getAttribute('href') || null : null;
  const cells = chart ? [...chart.querySelectorAll('g.mark-rect path')] : [];
  if (!img && (canvas || cells.length)) {  // the live boundary's cells (a digest of them)
    const d = canvas ? canvas.toDataURL() : cells.map(c => c.getAttribute('fill')).join();
    let h = 0;
    for (let k = 0; k < d.length; k += 7) h = (h * 31 + d.charCodeAt(k)) | 0;
    look = 'cells ' + h;
  }
  return [m ? m.querySelector('[data-testid=stMetricValue]').innerText.trim() : null, look];
}"""
CHART_TEXTS = """() => [...document.querySelectorAll('[data-testid=stVegaLiteChart] text')]
  .map(t => t.textContent)"""


def frame(page, cat=EN) -> tuple[int | None, str | None]:
    epoch, look = page.evaluate(FRAME % cat["metric.epochs"])
    return (None if epoch is None else int(epoch.replace(",", ""))), look


def button(page, cat, key: str):
    return page.get_by_role("button", name=cat[key], exact=True)


def keep_going(app, page, cat=EN) -> None:
    """Turn on "Keep going past 1000 epochs": a fast machine trains the budget in ~9 s, and a
    test that later presses Pause needs the run still playing."""
    app.rerun(page, page.get_by_text(cat["live.beyond"].format(epochs=1000), exact=True).click)


def until_epoch(page, test: str, cat=EN) -> None:
    """Wait until the epoch counter's value v passes `test` (JavaScript, e.g. "v > 5")."""
    page.wait_for_function(
        f"() => {{ const s = ({FRAME % cat['metric.epochs']})()[0];"
        f" if (s === null) return false; const v = parseInt(s.replace(',', '')); return {test}; }}"
    )


def until_cells(page, cat=EN) -> None:
    """Wait until the live boundary (cells, not the trained run's image) is drawn."""
    page.wait_for_function(f"() => {{ const l = ({FRAME % cat['metric.epochs']})()[1];"
                           " return l && l.startsWith('cells'); }")  # fmt: skip


def no_exception(page) -> None:
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()


def watch(page, seconds: float, cat=EN) -> list[tuple[int, str]]:
    """Every distinct (epoch, boundary) the page shows during `seconds`, polled every 40 ms;
    the boundary is never missing meanwhile."""
    seen: list = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        f = frame(page, cat)
        assert f[1] is not None, seen  # a blank boundary
        if f[0] is not None and (not seen or f != seen[-1]):
            seen.append(f)
        page.wait_for_timeout(40)
    return seen


def test_play_pause_step_change_and_restart(app, new_page):
    page = new_page(1400, 1000)
    app.open(page, LONG)
    assert frame(page)[0] == 1000  # the trained result, as today
    keep_going(app, page)
    button(page, EN, "live.play").click()
    until_epoch(page, "v < 1000")  # the live run starts at epoch 0
    until_cells(page)
    seen = watch(page, 6.0)
    epochs = [e for e, _ in seen]
    # frames keep coming (their rate on a loaded 2-core test box says little: see the report)
    assert len(seen) >= 5, seen
    assert epochs[0] < 1000 and epochs == sorted(epochs) and epochs[-1] > epochs[0]
    looks = len({look for _, look in seen})
    assert looks >= 4 and all(look.startswith("cells") for _, look in seen)  # redrawn, live
    print(f"live: {looks / 6.0:.1f} boundaries a second, epochs {epochs[0]}..{epochs[-1]}")
    no_exception(page)

    button(page, EN, "live.pause").click()
    button(page, EN, "live.play").wait_for(state="visible")
    app.wait_idle(page, settle_ms=1500)  # the paused frame and the page's rerun arrive
    paused = frame(page)
    page.wait_for_timeout(1500)
    assert frame(page) == paused  # nothing trains while paused

    button(page, EN, "live.step_batch").click()
    ringed = page.get_by_text(EN["live.ringed"].format(n=32), exact=False)
    ringed.wait_for(state="visible")
    app.wait_idle(page)
    assert frame(page)[0] == paused[0]  # one mini-batch: still inside the epoch
    assert frame(page)[1] != paused[1]  # but the boundary moved

    lr = page.locator(f'input[type=range][aria-label="{EN["learning_rate"]}"]')
    app.rerun(page, lambda: (lr.focus(), page.keyboard.press("ArrowRight")))
    assert lr.get_attribute("aria-valuetext") == "0.03"
    label = f"{EN['learning_rate']} 0.01 → 0.03"
    page.wait_for_function(f"() => ({CHART_TEXTS})().includes({label!r})")
    assert frame(page)[0] == paused[0]  # the weights were kept: no restart
    button(page, EN, "live.play").click()
    until_epoch(page, f"v > {paused[0] + 5}")
    assert (page.evaluate(CHART_TEXTS)).count(label) >= 2  # on the loss and the accuracy curves
    button(page, EN, "live.pause").click()
    button(page, EN, "live.play").wait_for(state="visible")
    app.wait_idle(page)

    button(page, EN, "live.reset").click()
    until_epoch(page, "v === 0")
    app.wait_idle(page)
    no_exception(page)


@pytest.mark.parametrize(("lang", "width"), [("en", 1400), ("ko", 1400), ("en", 390), ("ko", 390)])
def test_live_screenshots(app, new_page, lang, width):
    cat = KO if lang == "ko" else EN
    page = new_page(width, 900 if width > 500 else 844)
    app.open(page, LONG + f"&lang={lang}")
    button(page, cat, "live.step_epoch").click()
    until_epoch(page, "v === 1", cat)
    app.wait_idle(page, settle_ms=500)
    if width > 500:  # a marker on the curves (on a phone the sidebar is a closed drawer)
        lr = page.locator(f'input[type=range][aria-label="{cat["learning_rate"]}"]')
        app.rerun(page, lambda: (lr.focus(), page.keyboard.press("ArrowRight")))
    keep_going(app, page, cat)
    button(page, cat, "live.play").click()
    button(page, cat, "live.pause").wait_for(state="visible")
    until_epoch(page, "v > 1", cat)
    until_cells(page, cat)
    seen = watch(page, 3.0, cat)
    assert len(seen) >= 2, seen
    app.screenshot(page, f"live_{lang}_{width}", height=1800 if width > 500 else 2600)
    button(page, cat, "live.pause").click()
    button(page, cat, "live.play").wait_for(state="visible")
    no_exception(page)
