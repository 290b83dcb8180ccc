"""The README's evaluator path links to the pages moved out of it (issue 21, item 12): every relative link of
README.md, docs/*.md and data/*/README.md names a file that exists, and the README keeps the two commands, the
new-project checklist and the dependencies."""

from __future__ import annotations

import re

from helpers.paths import REPO_ROOT

PAGES = [REPO_ROOT / "README.md", *sorted((REPO_ROOT / "docs").glob("*.md")), REPO_ROOT / "data" / "README.md",
         *sorted((REPO_ROOT / "data").glob("*/README.md"))]


def test_every_relative_link_resolves():
    broken = []
    for page in PAGES:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" not in target and not (page.parent / target).exists():
                broken.append(f"{page.relative_to(REPO_ROOT)}: {target}")
    assert not broken, broken


def test_the_readme_puts_the_evaluator_first_and_links_the_engineers_pages():
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections[:2] == ["The two commands", "Start a new project"]
    assert "make annexes" in text.split("## Start a new project")[0] and "make test" in text
    for page in ("docs/dask.md", "docs/performance.md", "docs/extending.md", "data/README.md"):
        assert f"]({page})" in text
    assert "## Dependencies and why each is there" in text
    checklist = text.split("## Start a new project")[1].split("\n## ")[0]
    for needed in ("make new PROJECT=", "COUNTRIES=", "status_synonyms", "budget_total", "make check PROJECT=",
                   "reporting_date"):
        assert needed in checklist
