"""Every row of the Word annexes shows in LibreOffice (issue 21, item 11): each sample .docx is converted to PDF by
LibreOffice (Debian's libreoffice-writer-nogui), and every table cell that is one word (a reference such as
« GEN-06 », a number, a status) must read whole in the PDF's text: nothing lost, nothing broken across lines.
Skipped only when soffice or pdftotext is not installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from documents import docx_tables
from helpers.annex.word import LONG_WORD

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                 reason="LibreOffice (soffice) or poppler's pdftotext is not installed: "
                                        "apt-get install libreoffice-writer-nogui poppler-utils")]
ANNEXES = ["ensemble", "libye", "maroc", "mauritanie", "tunisie"]


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2011", "-")).strip()


def one_word_cells_missing(document_path: Path, pdf_text: str) -> list[str]:
    """The one-word cells of the document's tables (the title block and the provenance aside) that the PDF text
    does not hold whole."""
    text = " " + _plain(pdf_text) + " "
    missing = []
    for table in docx_tables(docx.Document(str(document_path)))[1:-1]:
        for row in table:
            for cell in row:
                if cell and " " not in cell and len(cell) <= LONG_WORD and f" {_plain(cell)} " not in text:
                    missing.append(f"{row[0]}: {cell}")
    return missing


@pytest.fixture(scope="module")
def pdfs(built, tmp_path_factory):
    """Each sample .docx converted by LibreOffice, in one run, with a private profile."""
    out = tmp_path_factory.mktemp("pdf")
    profile = tmp_path_factory.mktemp("lo-profile")
    files = [str(built.build / "annexes" / "amem" / f"{annex}.docx") for annex in ANNEXES]
    done = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(out), *files], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("annex", ANNEXES)
def test_every_table_cell_reads_whole_in_libreoffice(built, pdfs, annex):
    pdf = pdfs / f"{annex}.pdf"
    assert pdf.is_file(), f"LibreOffice made no {pdf.name}"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=120, check=True).stdout
    missing = one_word_cells_missing(built.build / "annexes" / "amem" / f"{annex}.docx", text)
    assert not missing, f"{annex}.docx in LibreOffice: cells not found whole in the PDF: {missing}"
