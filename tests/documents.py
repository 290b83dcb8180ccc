"""Reading an annex back as a reader gets it: the tables and headings of its HTML (lxml), its .docx (python-docx)
and its .xlsx (openpyxl), so the tests can compare them cell by cell."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import html as lhtml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squash(text: str) -> str:
    """Whitespace as a reader sees it: runs of spaces and line breaks are one space (a no-break space stays)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def html_tables(page: str) -> list[dict]:
    """Every <table> of the page: its caption, its rows of cell texts, the class of each cell, its section."""
    root = lhtml.document_fromstring(page)
    tables, section, sub = [], None, None
    for element in root.iter("h2", "h3", "h4", "table"):
        if element.tag == "h2":
            section, sub = squash(element.text_content()), None
        elif element.tag in ("h3", "h4"):
            sub = squash(element.text_content())
        else:
            caption = element.find("caption")
            rows = [[squash(c.text_content()) for c in tr.xpath("./th|./td")] for tr in element.xpath(".//tr")]
            classes = [[c.get("class") or "" for c in tr.xpath("./th|./td")] for tr in element.xpath(".//tr")]
            tables.append({"caption": squash(caption.text_content()) if caption is not None else None, "rows": rows,
                           "classes": classes, "section": section, "sub": sub,
                           "provenance": bool(element.xpath("ancestor::footer"))})
            sub = None
    return tables


def html_headings(page: str) -> list[tuple[int, str]]:
    """The section headings of the page (h2-h4, the table of contents' own title left out), with their level."""
    root = lhtml.document_fromstring(page)
    return [(int(h.tag[1]), squash(h.text_content())) for h in root.iter("h2", "h3", "h4")
            if "toc-title" not in (h.get("class") or "")]


def docx_tables(document) -> list[list[list[str]]]:
    return [[[squash(cell.text) for cell in row.cells] for row in table.rows] for table in document.tables]


def docx_headings(document) -> list[tuple[int, str]]:
    return [(int(p.style.name.split()[-1]), squash(p.text)) for p in document.paragraphs
            if p.style.name.startswith("Heading ")]


def docx_xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part).decode("utf-8")


def paragraph_text(paragraph) -> str:
    """A paragraph's text with the results of its fields (python-docx leaves out w:fldSimple)."""
    return "".join(t.text or "" for t in paragraph._p.iter(f"{W}t"))
