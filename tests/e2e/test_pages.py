"""Every page in both languages in a real browser, and bad CSV uploads in the sidebar."""

from __future__ import annotations

import pytest

import playground.app.pages.backprop
import playground.app.pages.compare
import playground.app.pages.exercises
import playground.app.pages.learn
import playground.app.pages.optimizer_lab
import playground.app.pages.sweep  # noqa: F401  (each page registers its messages on import)
from playground.app.i18n import EN, KO

pytestmark = pytest.mark.e2e

EXCEPTION = "[data-testid=stException]"
PAGES = {  # url path -> key of the page's title
    "learn": "learn.title",
    "exercises": "ex.title",
    "compare": "cmp.title",
    "sweep": "sw.title",
    "optimizer-lab": "lab.title",
    "backprop": "bp.title",
}


def open_page(app, page, path: str) -> None:
    page.goto(f"{app.base}/{path}")
    page.wait_for_selector("h1", state="visible", timeout=90_000)
    app.wait_idle(page, settle_ms=500)


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_in_both_languages(app, new_page, path, lang):
    page = new_page(1280, 900)
    open_page(app, page, f"{path}?lang={lang}")
    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    title = (EN if lang == "en" else KO)[PAGES[path]]
    assert page.get_by_role("heading", name=title).first.is_visible()
    app.screenshot(page, f"page_{path}_{lang}", height=1800)


BAD_CSVS = {  # file content -> a piece of the message the page must show
    "empty.csv": (b"", "empty"),
    "binary.csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "text"),
    "columns.csv": (b"a,b\n1,2\n3,4\n5,6\n7,8\n", "3"),
    "nan.csv": (b"a,b,c\n1,2,x\n3,,y\n5,6,x\n7,8,y\n", "Row 3"),
    "one_class.csv": (b"a,b,c\n1,2,x\n3,4,x\n5,6,x\n7,8,x\n", "class"),
    "too_many.csv": (b"a,b,c\n" + b"1,2,x\n3,4,y\n" * 50_000, "20,000"),
}


def test_bad_uploads_each_get_a_message_and_the_app_keeps_working(app, new_page, tmp_path):
    page = new_page(1280, 900)
    app.open(page)
    for name, (content, needle) in BAD_CSVS.items():
        path = tmp_path / name
        path.write_bytes(content)
        uploader = page.locator("[data-testid=stFileUploaderDropzoneInput]").first
        app.rerun(page, lambda u=uploader, p=path: u.set_input_files(str(p)))
        alerts = " ".join(page.locator("[data-testid=stAlert]").all_inner_texts())
        assert "cannot be used" in alerts and needle.lower() in alerts.lower(), (name, alerts)
        assert page.locator(EXCEPTION).count() == 0
        assert page.locator("[data-testid=stMetric]").count() == 7  # still training moons
    app.screenshot(page, "bad_upload", height=1200)
