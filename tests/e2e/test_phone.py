"""Every page on a phone (390 × 844 px), in English and Korean: no chart, legend, formula, table
or diagram cut at the screen's edge, no label shortened with "…", the back-propagation diagram
drawn large enough to read, and no Korean word broken across two lines. The same checks at
desktop width (1280 px) guard the wide layout. Full-page screenshots go to
artifacts/screenshots/phone/ and artifacts/screenshots/desktop/ for a human to look at."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from playground.app.i18n import EN, KO
from playground.app.pages.learn import SECTIONS
from tests.e2e.conftest import IDLE, RERUN_TIMEOUT, SCREENSHOTS, App

pytestmark = pytest.mark.e2e

PHONE, DESKTOP = (390, 844), (1280, 900)
MIN_TEXT_PX = 8  # px: a diagram text box lower than this (a font under ~6.5 px) is unreadable
# full-page screenshots for a human; CI (nobody looks, ~40 % of these tests' time) skips them
# unless PLAYGROUND_SCREENSHOTS=1. The checks above them run either way.
SHOTS = (
    os.environ.get("PLAYGROUND_SCREENSHOTS", "0" if os.environ.get("CI") == "true" else "1") == "1"
)
SLACK = 3  # px: KaTeX italics and a text's line box stick out of their box by a pixel or two

# Problems on the page as strings (empty: nothing is cut). W is the viewport width.
CLIPPED = """(W) => {
  const problems = [];
  const shown = (e) => e.getClientRects().length > 0;
  const box = (e) => e.getBoundingClientRect();
  const main = document.querySelector('[data-testid=stMain]');
  if (main.scrollWidth > main.clientWidth + 1)
    problems.push(`the page scrolls sideways: ${main.scrollWidth} px wide`);
  main.querySelectorAll('[data-testid=stVegaLiteChart]').forEach((c, i) => {
    const g = c.querySelector('svg.marks, canvas');
    if (!g || !shown(g)) return;
    const b = box(g);
    if (b.left < -1 || b.right > W + 1)
      problems.push(`chart ${i} spans ${Math.round(b.left)}..${Math.round(b.right)} px`);
    // a text's box holds its whole line height: a rotated axis title's box sticks out of the
    // chart by a pixel or two of empty space, not of its letters
    const left = Math.max(b.left - SLACK, -1), right = Math.min(b.right + SLACK, W + 1);
    c.querySelectorAll('text').forEach((t) => {
      const r = box(t), text = t.textContent;
      if (text.includes('…')) problems.push(`chart ${i}: label shortened "${text}"`);
      else if (r.width > 0 && (r.right > right || r.left < left))
        problems.push(`chart ${i}: text cut at the edge "${text}"`);
    });
  });
  main.querySelectorAll('.katex-display').forEach((k) => {
    if (!shown(k)) return;
    const tex = (k.querySelector('annotation') || k).textContent.slice(0, 60);
    if (k.scrollWidth > k.clientWidth + SLACK || box(k).right > W + 1)
      problems.push(`formula cut (${k.scrollWidth} px in ${k.clientWidth}): ${tex}`);
    if (k.scrollHeight > k.clientHeight + SLACK)
      problems.push(`formula cut vertically (${k.scrollHeight} px in ${k.clientHeight}): ${tex}`);
  });
  main.querySelectorAll('[data-testid=stMarkdownContainer] table').forEach((t) => {
    if (shown(t) && box(t).right > W + 1)
      problems.push(`table ends at ${Math.round(box(t).right)} px`);
  });
  main.querySelectorAll('[data-testid=stGraphVizChart] svg').forEach((s, i) => {
    if (!shown(s)) return;
    if (box(s).right > W + 1) problems.push(`diagram ${i} ends at ${Math.round(box(s).right)} px`);
    const heights = [...s.querySelectorAll('text')].map((t) => box(t).height).filter((h) => h > 0);
    const least = Math.min(...heights);
    if (heights.length && least < MIN_TEXT_PX)
      problems.push(`diagram ${i}: text ${least.toFixed(1)} px high`);
  });
  // a Korean word (a run of Hangul syllables) must sit on one line: "포인 / 트" is wrong. (A line
  // may still break after a closing parenthesis before a particle: punctuation, not a word.)
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el.closest('h1, h2, h3, h4, p, li') || el.closest('.katex, code, svg')) continue;
    for (const m of node.textContent.matchAll(/[\\uac00-\\ud7a3]+/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0)
                                                       .map((r) => Math.round(r.bottom)));
      if (lines.size > 1) problems.push(`"${m[0]}" broken across lines`);
    }
  }
  return problems;
}""".replace("SLACK", str(SLACK)).replace("MIN_TEXT_PX", str(MIN_TEXT_PX))

DRAWN = """() => [...document.querySelectorAll(
  '[data-testid=stVegaLiteChart], [data-testid=stGraphVizChart]')]
  .every((c) => c.querySelector('svg, canvas'))"""


class Visit:
    """One browser page at one width and language: opens pages, clicks, and checks each state."""

    def __init__(self, app: App, page, lang: str, folder: str) -> None:
        self.app, self.page, self.lang, self.folder = app, page, lang, folder
        self.cat = EN if lang == "en" else KO
        self.problems: list[str] = []

    def open(self, path: str) -> None:
        self.page.goto(f"{self.app.base}/{path}?lang={self.lang}")
        self.page.wait_for_selector("h1", state="visible", timeout=90_000)
        self.app.wait_idle(self.page, settle_ms=500)

    def click(self, name: str, role: str = "button") -> None:
        """Click the control labelled with the catalogue text `name` (a segmented control's
        options are radios) and wait for the rerun; a tab switches in the browser only."""
        target = self.page.get_by_role(role, name=self.cat[name], exact=True).first
        if role == "tab":
            target.click()
            self.page.wait_for_timeout(500)
        else:
            self.app.rerun(self.page, target.click, settle_ms=500)

    def check(self, state: str) -> None:
        """Record what is cut in this state, then save a full-page screenshot."""
        page = self.page
        page.wait_for_selector(IDLE, state="attached", timeout=RERUN_TIMEOUT)
        page.wait_for_function(DRAWN, timeout=RERUN_TIMEOUT)
        page.wait_for_timeout(600)  # charts measure their containers
        width = page.viewport_size["width"]
        error = page.locator("[data-testid=stException]")
        assert error.count() == 0, f"{state}: {error.first.inner_text()}"
        self.problems += [f"{state}: {p}" for p in page.evaluate(CLIPPED, width)]
        if SHOTS:
            self._screenshot(f"{self.lang}_{state}")

    def _screenshot(self, name: str) -> None:
        """Streamlit scrolls inside its own container: a tall viewport shows the whole page."""
        page, (width, height) = self.page, (self.page.viewport_size[k] for k in ("width", "height"))
        tall = page.evaluate("() => document.querySelector('[data-testid=stMain]').scrollHeight")
        page.set_viewport_size({"width": width, "height": min(max(tall, height), 9000)})
        page.wait_for_timeout(800)
        folder = SCREENSHOTS / self.folder
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"))
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(300)


def playground(v: Visit) -> None:
    v.page.goto(f"{v.app.base}/?lang={v.lang}")
    v.page.wait_for_selector("[data-testid=stMetric]", state="visible", timeout=90_000)
    v.check("playground")
    for view in ("scaler", "network", "step"):
        v.click(f"view.{view}", role="radio")
        v.check(f"playground_{view}")


def learn(v: Visit) -> None:
    v.open("learn")
    v.check("learn_1")
    v.click("learn.1.norm_tab", role="tab")
    v.check("learn_1_normalizer")
    for section in SECTIONS[1:]:
        v.click(f"learn.sec.{section}", role="radio")
        v.check(f"learn_{section}")


def simple(path: str, *clicks: str) -> Callable[[Visit], None]:
    def visit(v: Visit) -> None:
        v.open(path)
        for name in clicks:  # e.g. pin a setup, run the sweep: the page's charts appear
            v.click(name)
        v.check(path)

    return visit


def backprop(v: Visit) -> None:
    v.open("backprop")
    v.check("backprop_1")
    for step in (2, 3, 4):
        v.click("bp.next")
        v.check(f"backprop_{step}")
    box = v.page.get_by_role("combobox", name=v.cat["bp.hidden"], exact=True)
    v.app.wait_idle(v.page)
    box.click()  # scrolled above the screen after the steps: fill alone opens no list
    box.fill("3")  # the widest diagram: three hidden nodes
    # click the filtered option: an Enter pressed before the list has filtered picks nothing
    option = v.page.get_by_role("option", name="3", exact=True)
    option.wait_for(state="visible")
    v.app.rerun(v.page, option.click, settle_ms=500)
    assert box.input_value() == "3"
    v.check("backprop_3_hidden")


PAGES = {
    "playground": playground,
    "learn": learn,
    "exercises": simple("exercises"),
    "compare": simple("compare", "cmp.pin"),
    "sweep": simple("sweep", "sw.run"),
    "optimizer-lab": simple("optimizer-lab"),
    "backprop": backprop,
}


def visit(app, new_page, name: str, size: tuple[int, int], lang: str, folder: str) -> Visit:
    v = Visit(app, new_page(*size, locale="ko-KR" if lang == "ko" else "en-US"), lang, folder)
    PAGES[name](v)
    return v


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_is_cut_on_a_phone(app, new_page, name, lang):
    v = visit(app, new_page, name, PHONE, lang, "phone")
    assert not v.problems, "\n".join(v.problems)


@pytest.mark.parametrize("name", list(PAGES))
def test_nothing_is_cut_on_a_desktop(app, new_page, name):
    v = visit(app, new_page, name, DESKTOP, "en", "desktop")
    assert not v.problems, "\n".join(v.problems)
