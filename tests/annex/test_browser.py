"""The sample annexes in a real browser: Debian's headless Chromium driven by Selenium, as a reader opens them.

For every sample annex, at a window 1280 and 800 pixels wide: no table is wider than its container unless it sits
in its own horizontal scroller, and the page itself never scrolls sideways. In print (A4, the printable width of
``@page``) every table fits the page. Opening an annex makes no network request (only the file itself and
``data:`` images) and logs no console error. The annexes are built once per session (the ``built`` fixture of
tests/conftest.py). Skipped only when chromium or chromedriver is absent; .ci/run installs both.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="Debian's chromium and chromium-driver are not "
                                 "installed (apt-get install chromium chromium-driver; .ci/run does it)")]
ANNEXES = ["ensemble", "libye", "maroc", "mauritanie", "tunisie"]
WIDTHS = [1280, 800]
A4_PRINTABLE_PX = round((210 - 2 * 14) / 25.4 * 96)   # @page { size: A4; margin: 16mm 14mm }: 182 mm at 96 px/in

# Every table: its width, its container's, and whether an ancestor scrolls it sideways within the page.
MEASURE = """
const out = [];
const probe = document.createElement('style');
probe.textContent = '.probe-wrapped th, .probe-wrapped td:not(.num) { white-space: normal !important; }';
document.head.appendChild(probe);
const fits = (el, parent) => el.getBoundingClientRect().width <= parent.getBoundingClientRect().width + 1;
for (const table of document.querySelectorAll('table')) {
  const parent = table.parentElement;
  let scroller = null;
  for (let el = parent; el && el !== document.body; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowX;
    if (overflow === 'auto' || overflow === 'scroll') { scroller = el; break; }
  }
  const cells = [...table.querySelectorAll('td, th')].filter(c => c.scrollWidth > c.clientWidth + 1);
  // the narrowest the table could be with every label and header wrapped between words, numbers on one line
  const width = table.style.width;
  table.classList.add('probe-wrapped');
  table.style.width = 'min-content';
  const narrowest = table.getBoundingClientRect().width;
  table.style.width = width;
  table.classList.remove('probe-wrapped');
  out.push({
    caption: (table.caption ? table.caption.textContent : table.textContent).trim().slice(0, 60),
    table: Math.round(table.getBoundingClientRect().width),
    container: Math.round(parent.getBoundingClientRect().width),
    fits: fits(table, parent),
    genuinely_wide: narrowest > parent.getBoundingClientRect().width + 1,
    scroller: scroller !== null && fits(scroller, scroller.parentElement)
              && scroller.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
    overflowing_cells: cells.length,
  });
}
probe.remove();
return {tables: out, page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth};
"""


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _open(driver, page: Path, width: int, media: str = "screen") -> dict:
    driver.set_window_size(width, 900)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": media})
    if media == "print":
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": A4_PRINTABLE_PX, "height": 1123,
                                                                      "deviceScaleFactor": 1, "mobile": False})
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.get(page.as_uri())
    return driver.execute_script(MEASURE)


def _pages(built) -> list[Path]:
    folder = built.build / "annexes" / "amem"
    return [folder / f"{annex}.html" for annex in ANNEXES]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_table_is_cut_off_on_screen(built, browser, width):
    for page in _pages(built):
        seen = _open(browser, page, width)
        assert seen["tables"], f"{page.name}: no table measured"
        cut = [t for t in seen["tables"] if not (t["fits"] or t["scroller"])]
        assert cut == [], f"{page.name} at {width} px: tables wider than their container: {cut}"
        unwrapped = [t for t in seen["tables"] if not t["fits"] and not t["genuinely_wide"]]
        assert unwrapped == [], f"{page.name} at {width} px: tables that would fit with their labels wrapped " \
                                f"scroll instead: {unwrapped}"
        assert seen["page"] <= seen["viewport"], f"{page.name} at {width} px scrolls sideways: {seen}"


def test_on_a_laptop_screen_every_column_of_the_sample_is_in_view(built, browser):
    """At 1280 px the IPTT and the cost per output of `ensemble` scrolled sideways, their last columns (the rating,
    the reasons) out of view: « sensibilisation/plaidoyer » was one word, as wide as a column. A label now breaks
    after a '/', and every table of the sample fits the page: nothing to scroll to."""
    for page in _pages(built):
        scrolled = [t for t in _open(browser, page, 1280)["tables"] if not t["fits"]]
        assert scrolled == [], f"{page.name} at 1280 px: tables that scroll sideways: {scrolled}"


def test_every_table_fits_an_a4_page_in_print(built, browser):
    for page in _pages(built):
        seen = _open(browser, page, A4_PRINTABLE_PX, media="print")
        wide = [t for t in seen["tables"] if not t["fits"] or t["table"] > A4_PRINTABLE_PX]
        assert wide == [], f"{page.name} in print: tables wider than the A4 page: {wide}"
        clipped = [t for t in seen["tables"] if t["overflowing_cells"]]
        assert clipped == [], f"{page.name} in print: cells whose content overflows: {clipped}"
    _open(browser, _pages(built)[0], 1280)   # back to the screen for the other tests


# Words of a text cell split over two lines (a word's pieces on two line tops). A break after a '/' or a hyphen is
# the typographer's, and a cell holding a word too long for the page (a file name) may break anywhere; the
# provenance (checksums, in <code>) is outside <main>.
BROKEN_WORDS = """
const broken = [];
for (const td of document.querySelectorAll('main .annex-table td:not(.num):not(.long):not(.long-word)')) {
  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    for (const m of node.data.matchAll(/[^\\s\\/-]+/g)) {
      if (m[0].length > arguments[0]) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(`${m[0]} in « ${td.textContent.slice(0, 40)} »`);
    }
  }
}
return broken;
"""


def test_in_print_no_short_word_is_broken(built, browser):
    """Printed (A4), the country column of « Par événement » read « Tunisi e » and a unit « qualitat if »: every
    text cell could break anywhere, so the table shrank its short columns to a letter. Now only a word longer than
    context.LONGEST_WHOLE_WORD may break, and every table still fits the page (the test above)."""
    from helpers.annex.context import LONGEST_WHOLE_WORD

    for page in _pages(built):
        _open(browser, page, A4_PRINTABLE_PX, media="print")
        broken = browser.execute_script(BROKEN_WORDS, LONGEST_WHOLE_WORD)
        assert broken == [], f"{page.name} in print: words broken across lines: {broken}"
    _open(browser, _pages(built)[0], 1280)


def test_opening_an_annex_requests_nothing_and_logs_no_error(built, browser):
    pages = _pages(built) + [built.build / "annexes" / "index.html"]
    for page in pages:
        browser.get_log("performance"), browser.get_log("browser")   # drop what came before
        browser.get(page.as_uri())
        assert browser.execute_script("return document.readyState") == "complete"
        requests = [json.loads(entry["message"])["message"] for entry in browser.get_log("performance")]
        urls = [m["params"]["request"]["url"] for m in requests if m["method"] == "Network.requestWillBeSent"]
        others = [u for u in urls if u != page.as_uri() and not u.startswith("data:")]
        assert page.as_uri() in urls and others == [], f"{page.name} requested {others[:5]}"
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], f"{page.name} logged console errors: {errors[:3]}"


# Printed, per annex: the font size of every long-text cell against its table's, and the references (one word with
# a hyphen, « FIN-01 ») whose letters sit on more than one line.
PRINTED_CELLS = """
const bigger = [], split = [];
for (const table of document.querySelectorAll('main table.annex-table')) {
  const size = parseFloat(getComputedStyle(table).fontSize);
  for (const td of table.querySelectorAll('td.long')) {
    if (parseFloat(getComputedStyle(td).fontSize) > size) bigger.push(td.textContent.slice(0, 40));
  }
  for (const td of table.querySelectorAll('td:not(.num)')) {
    const text = td.textContent.trim();
    if (!/^\\S+-\\S+$/.test(text) || text.length > arguments[0]) continue;
    const range = document.createRange();
    range.selectNodeContents(td);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size > 1) split.push(text);
  }
}
return {bigger: bigger, split: split};
"""


def test_in_print_a_reference_is_one_line_and_long_texts_are_not_larger_than_their_table(built, browser):
    """Printed (A4), the verification table's « Réf. » column read « FIN- / 01 » (broken after its hyphen), and its
    « Source » column (long texts, 0.82rem) was set at 9.8 pt beside the table's 7.5 pt: the smallest column in the
    largest type. A one-word reference now stays on one line, a long text is smaller than its table (0.91em)."""
    from helpers.annex.context import LONGEST_WHOLE_WORD

    for page in _pages(built):
        _open(browser, page, A4_PRINTABLE_PX, media="print")
        seen = browser.execute_script(PRINTED_CELLS, LONGEST_WHOLE_WORD)
        assert seen == {"bigger": [], "split": []}, f"{page.name} in print: {seen}"
    _open(browser, _pages(built)[0], 1280)


LABEL_WIDTHS = """
return [...document.querySelectorAll('main table.annex-table')].filter(t => t.caption).map(t => {
  const heads = [...t.querySelectorAll('thead th')].map(th => th.textContent);
  const i = heads.indexOf(arguments[0]);
  return {caption: t.caption.textContent.slice(0, 40), label: i < 0 ? null
          : Math.round(t.querySelector('thead th:nth-child(' + (i + 1) + ')').getBoundingClientRect().width)};
});
"""


def test_on_a_laptop_screen_a_table_s_label_has_the_room_of_a_phrase(built, browser):
    """At 1280 px the IPTT's « Libellé » was 148 px wide, narrower than « Appréciation »: its labels broke after
    every word or two (« Fonctionnaires/ / intervenants / ayant suivi des / formations sur... »). A table's label
    column is now at least 14rem (224 px) where the screen has the room, and the table still fits the page."""
    page = _pages(built)[0]
    _open(browser, page, 1280)
    labels = {t["caption"]: t["label"] for t in browser.execute_script(LABEL_WIDTHS, "Libellé") if t["label"]}
    assert labels["Indicateurs : cible finale et réalisé"] >= 224, labels
    assert all(width >= 224 for width in labels.values()), labels
