"""make pdf: print each built annex to an A4 PDF with headless Chromium, when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile

from ..paths import BUILD_DIR, check_slug, relative

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def print_pdfs(project: str | None = None) -> int:
    browser = find_chromium()
    if browser is None:
        print("Chromium is not installed, so no PDF was made. On Debian or Ubuntu:\n"
              "    sudo apt-get install chromium\n"
              "then run make pdf again. (Or open an annex in any browser and print it to PDF: the page has a print "
              "style for A4.)", file=sys.stderr)
        return 2
    root = BUILD_DIR / "annexes"
    pages = sorted((root / check_slug(project, "project")).glob("*.html") if project else root.glob("*/*.html"))
    if not pages:
        print("No annex is built yet: run make annexes first.", file=sys.stderr)
        return 2
    failures = 0
    for page in pages:
        target = page.with_suffix(".pdf")
        with tempfile.TemporaryDirectory() as profile:
            command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                       "--disable-background-networking", "--disable-component-update", "--disable-sync",
                       f"--user-data-dir={profile}", "--no-pdf-header-footer",
                       f"--print-to-pdf={target}", page.resolve().as_uri()]
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode == 0 and target.is_file():
            print(f"  {relative(target)}")
        else:
            failures += 1
            print(f"  FAILED {relative(page)}: {done.stderr.strip()[-300:]}", file=sys.stderr)
    return 1 if failures else 0
