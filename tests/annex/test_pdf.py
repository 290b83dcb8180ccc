"""make pdf: an A4 PDF per annex with headless Chromium, or a clear message saying how to install it."""

import re
from pathlib import Path

import pytest

from helpers.annex import pdf


def test_without_chromium_it_says_how_to_install_it(monkeypatch, capsys):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    assert pdf.print_pdfs() == 2
    assert "apt-get install chromium" in capsys.readouterr().err


@pytest.mark.skipif(pdf.find_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")
def test_an_annex_prints_on_a4(tmp_path, monkeypatch):
    folder = tmp_path / "annexes" / "demo"
    folder.mkdir(parents=True)
    css = (Path(__file__).resolve().parents[2] / "src/helpers/annex/templates/annex/annex.css").read_text()
    (folder / "x.html").write_text(f"<html><head><style>{css}</style></head><body><h1>Annexe</h1></body></html>")
    monkeypatch.setattr(pdf, "BUILD_DIR", tmp_path)
    assert pdf.print_pdfs("demo") == 0
    box = re.search(rb"MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", (folder / "x.pdf").read_bytes())
    assert box and abs(float(box.group(1)) - 595) < 2 and abs(float(box.group(2)) - 842) < 2  # A4 in points
