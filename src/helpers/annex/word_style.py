"""The look of the Word annex: builds templates/word/reference.docx, the reference document pandoc takes its styles,
page size, margins and footer from.

It starts from pandoc's own default reference document (so every style pandoc uses exists) and sets the workbook's
house style: Arial, the HTML annex's colours, A4 with 2.2 cm margins, headings that keep with the text that follows,
tables with a shaded header row and thin rules, small captions, and the styles the Lua filter maps the page's
classes to (Note, No Data, Facts Term, RAG Green, ...). Run it again after a change and commit the result::

    .venv/bin/python -m helpers.annex.word_style

An organisation that has its own template points ``word_template:`` in its params at it instead; styles it lacks
fall back to Word's defaults.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path

from ..files import pin_zip_times
from . import theme
from .export import TEMPLATES

REFERENCE = TEMPLATES / "word" / "reference.docx"
FONT = "Arial"                      # Liberation Sans, metric-compatible, stands in for it where Arial is missing
INK, MUTED, ACCENT, LINE, HEAD = (theme.office(c) for c in (theme.INK, theme.MUTED, theme.ACCENT, theme.LINE,
                                                               theme.HEAD))
RAG_FILLS = {f"RAG {name.title()}": theme.office(colour) for name, colour in theme.RAG_FILL.items()}
PINNED = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)   # the file's own timestamps, so a rebuild is identical

TABLE_STYLE = f"""
<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="table" w:default="1"
         w:styleId="Table">
  <w:name w:val="Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr>
  <w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr>
  <w:tblPr>
    <w:tblInd w:w="0" w:type="dxa"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{INK}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/>
    </w:tblBorders>
    <w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/>
      <w:right w:w="85" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="{INK}"/></w:rPr>
    <w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="{INK}"/></w:tcBorders>
      <w:shd w:val="clear" w:color="auto" w:fill="{HEAD}"/><w:vAlign w:val="bottom"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""

FACTS_TABLE_STYLE = f"""
<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:type="table"
         w:customStyle="1" w:styleId="FactsTable">
  <w:name w:val="Facts Table"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
  <w:tblPr>
    <w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{LINE}"/></w:tblBorders>
    <w:tblCellMar><w:top w:w="30" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="30" w:type="dxa"/>
      <w:right w:w="113" w:type="dxa"/></w:tblCellMar>
  </w:tblPr>
</w:style>"""


def default_reference() -> bytes:
    """pandoc's own reference.docx (of the pinned pandoc)."""
    import pypandoc

    return subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True, check=True, timeout=60).stdout


def build_reference() -> bytes:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    doc = Document(io.BytesIO(default_reference()))
    styles = doc.styles

    def paragraph(name: str, base: str | None = "Normal", size: float | None = None, color: str | None = None,
                  bold: bool | None = None, italic: bool | None = None, before: float | None = None,
                  after: float | None = None, keep_next: bool | None = None, style_id: str | None = None,
                  align=None, caps: bool | None = None):
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            if style_id:
                style.element.set(qn("w:styleId"), style_id)
        if base:
            style.base_style = styles[base]
        font, layout = style.font, style.paragraph_format
        font.name = FONT
        if size:
            font.size = Pt(size)
        if color:
            font.color.rgb = RGBColor.from_string(color)
        if bold is not None:
            font.bold = bold
        if italic is not None:
            font.italic = italic
        if caps is not None:
            font.all_caps = caps
        if before is not None:
            layout.space_before = Pt(before)
        if after is not None:
            layout.space_after = Pt(after)
        if keep_next is not None:
            layout.keep_with_next = keep_next
        if align is not None:
            layout.alignment = align
        return style

    normal = paragraph("Normal", base=None, size=10, color=INK)
    normal.paragraph_format.line_spacing = 1.1
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    paragraph("Body Text", before=3, after=6)
    paragraph("First Paragraph", base="Body Text")
    paragraph("Compact", base="Body Text", size=8.5, before=0, after=0)
    paragraph("Title", size=20, color=INK, bold=True, before=0, after=4)
    paragraph("Subtitle", size=10, color=MUTED, bold=False, italic=False, before=0, after=14, caps=True)
    headings = {1: (14, ACCENT, 18, 6), 2: (11.5, INK, 12, 4), 3: (10.5, MUTED, 10, 3)}
    for level, (size, color, before, after) in headings.items():
        style = paragraph(f"Heading {level}", size=size, color=color, bold=True, before=before, after=after,
                          keep_next=True)
        style.font.italic = False
    border = parse_xml(f'<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       f'<w:bottom w:val="single" w:sz="12" w:space="2" w:color="{ACCENT}"/></w:pBdr>')
    styles["Heading 1"].element.get_or_add_pPr().append(border)
    paragraph("TOC Heading", base="Heading 1", size=13, color=ACCENT, before=18, after=6)
    paragraph("toc 1", size=10, bold=True, before=4, after=1, style_id="TOC1")
    toc2 = paragraph("toc 2", size=9.5, before=0, after=1, style_id="TOC2")
    toc2.paragraph_format.left_indent = Cm(0.6)
    paragraph("Table Caption", size=9, color=INK, bold=True, before=8, after=3, keep_next=True)
    paragraph("Image Caption", size=9, color=MUTED, italic=True, before=2, after=10)
    paragraph("Captioned Figure", before=6, after=0, keep_next=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph("Figure", before=6, after=0, keep_next=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph("Note", size=8.5, color=MUTED, before=2, after=6)
    paragraph("No Data", color=MUTED, italic=True, before=3, after=6)
    # character styles: pandoc keeps its own paragraph style (Compact) in table cells
    term = styles.add_style("Facts Term", WD_STYLE_TYPE.CHARACTER)
    term.font.color.rgb = RGBColor.from_string(MUTED)
    for name in RAG_FILLS:
        styles.add_style(name, WD_STYLE_TYPE.CHARACTER).font.bold = True
    styles["Hyperlink"].font.color.rgb = RGBColor.from_string(ACCENT)
    verbatim = styles["Verbatim Char"].font
    verbatim.name, verbatim.size = "Courier New", Pt(7.5)

    # table styles: the annex tables (pandoc's "Table") and the title block's facts
    root = styles.element
    root.remove(styles["Table"].element)
    root.append(parse_xml(TABLE_STYLE))
    root.append(parse_xml(FACTS_TABLE_STYLE))

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    section.footer_distance = Cm(1.0)
    doc.core_properties.title = "Evaluation workbook: reference document"
    doc.core_properties.created = doc.core_properties.modified = PINNED.replace(tzinfo=None)
    doc.core_properties.last_modified_by = doc.core_properties.author = "evaluation workbook"
    doc.core_properties.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return pin_zip_times(buffer.getvalue(), PINNED)


def main() -> None:
    REFERENCE.parent.mkdir(parents=True, exist_ok=True)
    REFERENCE.write_bytes(build_reference())
    print(f"wrote {REFERENCE} ({REFERENCE.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
