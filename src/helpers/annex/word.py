"""The annex as a Word document (<annex>.docx), made from the annex HTML so that both show the same thing.

pandoc (the pinned ``pypandoc-binary`` wheel) converts the page with the workbook's reference document
(``templates/word/reference.docx``, built by ``word_style``: styles, A4, margins) and a Lua filter
(``templates/word/annex.lua``) that maps the page's classes to Word: title block, table of contents field, headings,
right-aligned numbers, RAG cells, numbered captions (pandoc's ``native_numbering``: "Tableau 1", "Figure 1"), header
rows repeated on every page. A python-docx pass then does what pandoc cannot: cell shading for RAG ratings, rows never split across pages,
figures at text width, the "Page N sur M" footer, French spacing before the caption colon, the
document's properties. pandoc runs with ``--sandbox``: it reads no file and no URL beyond those given here.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
from pathlib import Path

from ..files import pin_zip_times
from .export import TEMPLATES, generated_at
from .word_style import FACTS_TABLE_STYLE, RAG_FILLS, REFERENCE
from .words import say

FILTER = TEMPLATES / "word" / "annex.lua"
LOCALES = {"fr": "fr-FR", "en": "en-GB"}
PANDOC_TIMEOUT = 120
PANDOC_HEAP = "2g"  # pandoc's -M: at most this much memory for one document
CHAR_TWIPS = 95  # mean width of a character of the table font (Arial 8.5 pt), in twentieths of a point
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


class WordFailed(RuntimeError):
    """pandoc could not make the document."""


def prepare(page: str) -> str:
    """The annex page as pandoc should read it: pandoc reads only <main> when a page has one (the title block and the
    provenance would vanish), so <main> becomes a div; the HTML table of contents becomes a placeholder for the
    Word field; paragraph classes (which pandoc drops) move to a div around the paragraph."""
    from lxml import etree
    from lxml import html as lhtml

    root = lhtml.document_fromstring(page)
    for element in root.iter("main", "header", "footer"):
        element.set("class", " ".join(filter(None, [element.get("class"), element.tag])))
        element.tag = "div"
    for nav in root.xpath('//nav[contains(concat(" ", @class, " "), " toc ")]'):
        placeholder = etree.Element("div", {"class": "toc"})
        placeholder.tail = nav.tail
        nav.getparent().replace(nav, placeholder)
    for para in root.xpath('//p[@class="note" or @class="no-data"]'):
        wrapper = etree.Element("div", {"class": para.get("class")})
        del para.attrib["class"]
        para.addprevious(wrapper)
        wrapper.append(para)
        wrapper.tail, para.tail = para.tail, None
    for drop in root.xpath("//head/style | //script"):
        drop.getparent().remove(drop)
    return lhtml.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def pandoc_docx(source: str, lang: str, template: Path, when: dt.datetime) -> bytes:
    import pypandoc

    from ..data.params import template_problem

    bomb = template_problem(template)  # also checked by make check; here for a template swapped since
    if bomb is not None:
        raise WordFailed(str(bomb))
    # pandoc's heap is bounded (pandoc's manual, "A note on security"): a hostile input fails, it cannot take the
    # machine's memory
    command = [pypandoc.get_pandoc_path(), "+RTS", f"-M{PANDOC_HEAP}", "-RTS", "--sandbox", "--from=html", "--to=docx+native_numbering",
               f"--reference-doc={template}", f"--lua-filter={FILTER}",
               f"--metadata=lang:{LOCALES[lang]}", f"--metadata=toc-title:{say('word_toc', lang)}", "--output=-"]
    # pandoc stamps the file's dates from SOURCE_DATE_EPOCH: the generation time, so a rebuild is identical
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(when.timestamp())))
    try:
        done = subprocess.run(command, input=source.encode("utf-8"), capture_output=True, env=env,
                              timeout=PANDOC_TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise WordFailed(f"pandoc could not run: {exc}") from None
    if done.returncode != 0:
        raise WordFailed(f"pandoc failed ({done.returncode}): {done.stderr.decode('utf-8', 'replace').strip()}")
    return done.stdout


# -- the python-docx pass -------------------------------------------------------------------------------------------
def _element(tag: str, **attrs: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    return element


# Arial's advance widths (thousandths of an em, as Helvetica's AFM gives them), to measure a cell's longest word: a
# mean width per character made "GEN-06" look narrower than it is, its column was cut to the mean, and LibreOffice
# broke it after the hyphen ("GEN-" / "06": the row's reference no longer read as one; issue 21).
_ARIAL = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278] + [556] * 10
    + [278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722,
       778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
       556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500,
       500, 500, 334, 260, 334, 584]))
CELL_SIZE = 8.5          # pt: the Compact style of table cells (word_style.py)
SMALLEST_CELL_SIZE = 6.5  # pt: how far a wide table's type may shrink so that no word of it breaks
CELL_MARGINS = 170 + 60  # twips: the table style's left + right cell margins (85 each), and a little air
LONG_WORD = 18           # characters: a longer word (a file name) may break rather than widen its column


def _text_twips(text: str, bold: bool = False, size: float = CELL_SIZE) -> int:
    """The width of ``text`` in the cell font of ``size`` points, in twips (a bold heading about a tenth wider)."""
    import unicodedata

    total = 0
    for ch in text:
        base = unicodedata.normalize("NFKD", ch)[:1] or ch
        total += _ARIAL.get(base, 278 if ch in "\u00a0\u202f" else 556)
    return int(total * size * 20 / 1000 * (1.1 if bold else 1.0))


def _column_widths(table, text_width: int) -> None:
    """Columns as wide as their contents ask (a long label wider than a number), the table as wide as the text:
    fixed widths, so Word and LibreOffice lay it out alike. text_width in twentieths of a point.

    Each column gets room for its longest word, measured in the cell font, so that no reference, number or status
    is ever broken; only words longer than LONG_WORD characters (file names) may be. A table whose words do not fit
    side by side (nine columns of an IPTT) is set in smaller type, down to SMALLEST_CELL_SIZE: at the full size the
    columns were squeezed below their words, and « Indicateur » broke into « Indicateu / r ». When those minimums
    still leave no room, the columns of long words give way first; the rest of the width goes to the columns whose
    texts are long.
    """
    from docx.oxml.ns import qn

    rows = _cell_texts(table)
    if not rows or any(len(r) != len(rows[0]) for r in rows):
        return  # merged cells: leave the layout to Word
    slack = 1.25  # the measure is Arial's; without Arial or Liberation Sans, LibreOffice takes DejaVu Sans, wider

    def room(size: float) -> tuple[list[float], list[float], float]:
        cap = _text_twips("M" * LONG_WORD, size=size) * 0.8
        need = [max(_text_twips(word, r is rows[0], size) for r in rows for word in r[c].split(" ")) * slack
                + CELL_MARGINS for c in range(len(rows[0]))]
        return need, [min(n, cap + CELL_MARGINS) for n in need], cap

    size = CELL_SIZE
    need, least, cap = room(size)
    while sum(least) > text_width and size > SMALLEST_CELL_SIZE:
        size = max(SMALLEST_CELL_SIZE, size - 0.5)
        need, least, cap = room(size)
    if size < CELL_SIZE:
        _set_size(table, size)
    if sum(least) > text_width:  # the long words' columns give way first, down to half their room
        over, soft = sum(least) - text_width, [c for c, n in enumerate(need) if n > cap + CELL_MARGINS]
        room = sum(least[c] / 2 for c in soft)
        for c in soft:
            least[c] -= min(over, room) * (least[c] / 2) / room
    wanted = [max(low, min(_text_twips(max((r[c] for r in rows), key=len), size=size) + CELL_MARGINS,
                           45 * CHAR_TWIPS))
              for c, low in enumerate(least)]
    spare, extra = text_width - sum(least), [w - low for w, low in zip(wanted, least)]
    chars = [low + spare * e / sum(extra) for low, e in zip(least, extra)] if spare > 0 and sum(extra) else least
    widths = [int(text_width * c / sum(chars)) for c in chars]
    grid = table.find(qn("w:tblGrid"))
    for col, width in zip(grid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(width))
    for row in table.findall(qn("w:tr")):
        for cell, width in zip(row.findall(qn("w:tc")), widths):
            props = cell.get_or_add_tcPr()
            for old in props.findall(qn("w:tcW")):
                props.remove(old)
            props.insert(0, _element("w:tcW", w=str(width), type="dxa"))
    props = table.find(qn("w:tblPr"))
    if props.find(qn("w:tblLayout")) is None:
        props.find(qn("w:tblW")).addnext(_element("w:tblLayout", type="fixed"))


def _set_size(table, size: float) -> None:
    """Every run of the table in ``size`` points (python-docx writes it in half points, where the schema wants it
    among the run's properties)."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    for run in table.iter(qn("w:r")):
        run.get_or_add_rPr().get_or_add_sz().val = Pt(size)


def _cell_texts(table) -> list[list[str]]:
    from docx.oxml.ns import qn

    return [[" ".join(t.text or "" for t in cell.iter(qn("w:t"))) for cell in row.findall(qn("w:tc"))]
            for row in table.findall(qn("w:tr"))]


LABEL_ROOM = 0.2   # of the text width: what a table must leave its long texts beyond their longest words


def _too_wide_for_portrait(table, text_width: int) -> bool:
    """Whether a table needs a landscape page: at the cell font's full size its columns' longest words take more
    than all but LABEL_ROOM of the portrait width, while its texts ask for more than the width. The Word IPTT (nine
    columns) left its label column only its longest word: « Dispositif de / collecte et / d'analyse », a word or
    two a line over twelve lines, and the « Si n.d. » column of the cost table was as narrow."""
    rows = _cell_texts(table)
    if len(rows) < 2 or any(len(r) != len(rows[0]) for r in rows):
        return False
    words = sum(max(_text_twips(w, r is rows[0]) for r in rows for w in r[c].split(" ")) * 1.25 + CELL_MARGINS
                for c in range(len(rows[0])))
    texts = sum(min(_text_twips(max((r[c] for r in rows), key=len)), 45 * CHAR_TWIPS) + CELL_MARGINS
                for c in range(len(rows[0])))
    return words > text_width * (1 - LABEL_ROOM) and texts > text_width


def _finish_tables(document) -> list:
    """The tables' widths, rules and fills; returns the tables set on a landscape page (see _landscape)."""
    from docx.oxml.ns import qn

    section = document.sections[-1]
    text_width = int((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU -> twips
    wide_width = int((section.page_height - section.left_margin - section.right_margin) / 635)
    landscape = []
    for table in document.element.body.iter(qn("w:tbl")):
        props = table.find(qn("w:tblPr"))
        width = props.find(qn("w:tblW"))
        if width is not None:  # full text width
            width.set(qn("w:type"), "pct")
            width.set(qn("w:w"), "5000")
        styles = {r.get(qn("w:val")) for r in table.iter(qn("w:rStyle"))}
        if "FactsTerm" in styles:
            props.find(qn("w:tblStyle")).set(qn("w:val"), "FactsTable")
        elif table.getparent().tag == qn("w:body") and _too_wide_for_portrait(table, text_width):
            landscape.append(table)
            _column_widths(table, wide_width)
        else:
            _column_widths(table, text_width)
        for row in table.iter(qn("w:tr")):
            row_props = row.get_or_add_trPr()
            if row_props.find(qn("w:cantSplit")) is None:
                row_props.insert(0, _element("w:cantSplit"))
            if row_props.find(qn("w:tblHeader")) is not None:   # the header kept with the first row below it:
                for paragraph in row.iter(qn("w:p")):   # alone at a page's foot, LibreOffice lost the rows after it
                    paragraph.get_or_add_pPr().get_or_add_keepNext()
        for cell in table.iter(qn("w:tc")):
            fills = [RAG_FILLS[name] for name in RAG_FILLS
                     if cell.find(f".//{qn('w:rStyle')}[@{qn('w:val')}='{name.replace(' ', '')}']") is not None]
            if fills:
                cell_props = cell.get_or_add_tcPr()
                cell_props.append(_element("w:shd", val="clear", color="auto", fill=fills[0]))
    return landscape


HEADING_REACH = 3   # paragraphs between a heading and its table's caption that still go with it


def _heading_above(first, style):
    """The heading a table's caption is under, when at most HEADING_REACH text paragraphs part them (with the
    heading's bookmarks): it goes on the table's landscape page. Left behind, « Coût unitaire des produits » was the
    last line of the portrait page, its table alone on the next."""
    from docx.oxml.ns import qn

    element, texts = first.getprevious(), 0
    while element is not None and element.tag == qn("w:p") and texts <= HEADING_REACH:
        if (style(element) or "").startswith("Heading"):
            while element.getprevious() is not None and element.getprevious().tag in (qn("w:bookmarkStart"),
                                                                                        qn("w:bookmarkEnd")):
                element = element.getprevious()
            return element
        if next(element.iter(qn("w:drawing")), None) is not None:
            break
        element, texts = element.getprevious(), texts + 1
    return first


def _landscape(document, tables: list) -> None:
    """Each table of ``tables`` on landscape pages of its own section, with its caption above it and its notes
    below; tables with only text between them (no figure, no section heading) share one landscape section. Word
    ends a section at the paragraph holding its w:sectPr: a copy of the document's own (its footer, its margins)
    ends the portrait part before, and a turned copy ends the landscape part."""
    import copy

    from docx.oxml.ns import qn

    final = document.element.body.find(qn("w:sectPr"))

    def style(element) -> str | None:
        found = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if element.tag == qn("w:p") else None
        return None if found is None else found.get(qn("w:val"))

    spans: list[list] = []
    for table in tables:
        first, last = table, table
        if first.getprevious() is not None and style(first.getprevious()) == "TableCaption":
            first = first.getprevious()
        first = _heading_above(first, style)
        while last.getnext() is not None and style(last.getnext()) == "Note":
            last = last.getnext()
        if spans:
            between, element = [], spans[-1][1].getnext()
            while element is not None and element is not first:
                between.append(element)
                element = element.getnext()
            figure = any(next(e.iter(qn("w:drawing")), None) is not None for e in between)
            if element is first and not figure and "Heading1" not in map(style, between):
                spans[-1][1] = last
                continue
        spans.append([first, last])
    for first, last in spans:
        before = _element("w:p")
        before.append(_element("w:pPr"))
        before[0].append(copy.deepcopy(final))
        first.addprevious(before)
        turned = copy.deepcopy(final)
        size = turned.find(qn("w:pgSz"))
        width, height = size.get(qn("w:w")), size.get(qn("w:h"))
        size.set(qn("w:w"), height)
        size.set(qn("w:h"), width)
        size.set(qn("w:orient"), "landscape")
        after = _element("w:p")
        after.append(_element("w:pPr"))
        after[0].append(turned)
        last.addnext(after)


def _figures_at_text_width(document) -> None:
    """Every picture as wide as the text (the template's page less its margins), its proportions kept."""
    section = document.sections[-1]
    width = section.page_width - section.left_margin - section.right_margin
    for shape in document.inline_shapes:
        if shape.width:
            shape.height, shape.width = int(shape.height * width / shape.width), width


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) with the value it shows until Word computes it."""
    for part in (_element("w:fldChar", fldCharType="begin"), None, _element("w:fldChar", fldCharType="separate"),
                 shown, _element("w:fldChar", fldCharType="end")):
        run = paragraph.add_run()
        if part is None:
            code = _element("w:instrText")
            code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        elif isinstance(part, str):
            run.text = part
        else:
            run._r.append(part)


def _footer(document, lang: str) -> None:
    """"Page N sur M" at the foot of every page, unless the template has a footer of its own."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    section = document.sections[-1]
    if not section.footer.is_linked_to_previous:
        return
    paragraph = section.footer.paragraphs[0] if section.footer.paragraphs else section.footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{say('word_page', lang)} ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(f" {say('word_of', lang)} ")
    _field(paragraph, "NUMPAGES", "1")
    for run in paragraph.runs:
        run.font.size = Pt(8)


def _caption_spacing(document, lang: str) -> None:
    """French sets a non-breaking space before a colon: "Tableau 1 : ...", as Word's own French captions."""
    from docx.oxml.ns import qn

    if lang != "fr":
        return
    for paragraph in document.element.body.iter(qn("w:p")):
        style = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in ("TableCaption", "ImageCaption"):
            continue
        field = paragraph.find(qn("w:fldSimple"))
        after = field.getnext() if field is not None else None
        while after is not None and after.tag != qn("w:r"):
            after = after.getnext()
        text = after.find(qn("w:t")) if after is not None else None
        if text is not None and text.text and text.text.startswith(":"):
            text.text = "\u00a0" + text.text


def _ensure_styles(document) -> None:
    """A house template without the facts table style gets it, so the title block never shows ruled cells."""
    from docx.oxml import parse_xml

    if "Facts Table" not in [s.name for s in document.styles]:
        document.styles.element.append(parse_xml(FACTS_TABLE_STYLE))


PROPERTY_MAX = 255   # characters of a document property (Word's File > Properties; python-docx refuses more)


def _property(text: str) -> str:
    """A title for the document's properties: at most PROPERTY_MAX characters, cut at a word with '…'. A project
    title of 300 characters (an IATI activity's title often is) made python-docx raise « exceeded 255 char limit »
    and every annex's export fail, after make check said OK; the title block shows the whole title."""
    if len(text) <= PROPERTY_MAX:
        return text
    cut = text[:PROPERTY_MAX - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut[PROPERTY_MAX // 2:] else cut).rstrip(" ,;:-–—") + "…"


def finish(data: bytes, lang: str, title: str, subject: str, when: dt.datetime) -> bytes:
    from docx import Document

    document = Document(io.BytesIO(data))
    _ensure_styles(document)
    landscape = _finish_tables(document)
    _figures_at_text_width(document)
    _footer(document, lang)
    _landscape(document, landscape)
    _caption_spacing(document, lang)
    props = document.core_properties
    props.title, props.subject, props.language = _property(title), _property(subject), LOCALES[lang]
    props.author = props.last_modified_by = "evaluation workbook"
    props.created = props.modified = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    buffer = io.BytesIO()
    document.save(buffer)
    return pin_zip_times(buffer.getvalue(), when)


def docx(page: str, lang: str, title: str, subject: str = "", template: Path | None = None,
         when: dt.datetime | None = None) -> bytes:
    """The .docx of an annex page (the HTML that export.render made). template: a reference .docx (None: the
    workbook's). Raises WordFailed when pandoc fails."""
    when = when or generated_at()
    return finish(pandoc_docx(prepare(page), lang, Path(template or REFERENCE), when), lang, title, subject, when)
