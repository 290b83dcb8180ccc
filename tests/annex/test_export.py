import re

import nbformat

from helpers.annex import export


def test_toc_links_every_section_heading_and_ids_are_plain():
    page = ('<html><nav><!--TOC--></nav><main><h2 id="Taux-d\'ex%C3%A9cution">Taux d\'exécution'
            '<a class="anchor-link" href="#x">&#182;</a></h2><p>t</p><h3>Par pays</h3><h2>Budget &amp; dépenses</h2>'
            "</main></html>")
    out = export.add_toc(page)
    ids = re.findall(r'<h[23] id="([^"]+)"', out)
    links = re.findall(r'<a href="#([^"]+)"', out)
    assert ids == ["s1", "s2", "s3"] and links == ids
    assert "anchor-link" not in out
    assert "Budget &amp; dépenses</a>" in out  # heading text escaped once, not twice


def test_merge_keeps_the_annex_language_and_drops_parameters():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_markdown_cell("Bonjour", metadata={"tags": ["lang-fr"]}),
                nbformat.v4.new_markdown_cell("Hello", metadata={"tags": ["lang-en"]}),
                nbformat.v4.new_markdown_cell("Both")]
    assert [c.source for c in export.merge([nb], "fr").cells] == ["Bonjour", "Both"]
    assert [c.source for c in export.merge([nb], "en").cells] == ["Hello", "Both"]


def test_generation_time_follows_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609372800")
    assert export.generated_at().isoformat() == "2020-12-31T00:00:00+00:00"


def test_the_browser_tab_of_each_annex_says_which_annex_it_is():
    """Every annex of a project had the project's title as its page title: the tabs of Maroc's, Tunisie's and the
    whole project's annexes read alike. The tab starts with the annex's name; the page's heading stays the title."""
    import html

    title = "Appui à la migration équitable pour le Maghreb (AMEM)"
    nb = nbformat.v4.new_notebook()
    meta = {"lang": "fr", "title": title, "kicker": "Annexe d'évaluation — Maroc", "facts": [], "provenance": []}
    page = export.render(nb, dict(meta, annex_name="République démocratique du Congo"))
    tab = html.unescape(re.search(r"<title>(.*?)</title>", page)[1])
    assert tab == f"République démocratique du Congo — {title}"
    assert html.unescape(re.search(r"<h1>(.*?)</h1>", page)[1]) == title
    assert html.unescape(re.search(r"<title>(.*?)</title>", export.render(nb, meta))[1]) == title
