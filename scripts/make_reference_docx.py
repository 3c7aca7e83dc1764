"""Build src/cableconv/data/reference.docx, the styles of cableconv's DOCX output.

Run ``.venv/bin/python scripts/make_reference_docx.py`` after changing a
style below; the result is byte-identical on every run (fixed zip dates), so
a changed file in review means a changed style.

It starts from pandoc's own reference.docx (so every style pandoc writes
exists) and, with python-docx, restyles Normal, Headings 1 to 3 and the footnote
styles and adds cableconv's named styles: the paragraph styles Source Note,
Classification, Dateline, Body, List Head, List Item, Signature, Page Break,
and the character style Page Marker. The page is US Letter with one-inch
margins. The sample paragraphs of pandoc's reference are removed: pandoc
reads only the styles and the section properties.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cableconv.writers.docx import repack  # noqa: E402
from cableconv.writers.pandoc_ast import pandoc_path  # noqa: E402

TARGET = ROOT / "src" / "cableconv" / "data" / "reference.docx"
SERIF = "Times New Roman"
GREY = RGBColor(0x60, 0x60, 0x60)
#: The indent of a paragraph's first line and of list items: the PDF's 1.3em
#: of its 11pt type (data/cableconv.typ), so both formats indent alike.
INDENT = Pt(14.3)
#: rFonts attributes naming a theme font. Word takes ``asciiTheme`` over
#: ``ascii`` in the same element, so pandoc's Heading 1, which names both
#: ``majorHAnsi`` and Times New Roman, came out in the theme's sans serif.
THEME_FONTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def pandoc_reference() -> bytes:
    return subprocess.run(
        [pandoc_path(), "--print-default-data-file", "reference.docx"],
        capture_output=True,
        check=True,
    ).stdout


def paragraph_style(doc, name: str, base: str = "Normal"):  # type: ignore[no-untyped-def]
    styles = doc.styles
    style = styles[name] if name in [s.name for s in styles] else None
    if style is None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def build() -> bytes:
    doc = Document(io.BytesIO(pandoc_reference()))
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)

    section = doc.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Inches(1.1))
    section.top_margin = section.bottom_margin = Inches(1)

    normal = doc.styles["Normal"]
    normal.font.name = SERIF
    normal.font.size = Pt(11.5)
    normal.paragraph_format.space_after = Pt(0)

    body_style = paragraph_style(doc, "Body")
    fmt = body_style.paragraph_format
    fmt.first_line_indent = INDENT
    fmt.space_after = Pt(4)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True

    heading_style(doc, "Heading 1", Pt(13), Pt(6), Pt(12))
    # an enclosure's heading, a level below its document's
    heading_style(doc, "Heading 2", Pt(11.5), Pt(12), Pt(8))
    # a sub-enclosure's (A., B. inside an inclosure), a level below its
    # enclosure's
    heading_style(doc, "Heading 3", Pt(11), Pt(10), Pt(6))

    footer = paragraph_style(doc, "Footer")
    footer.font.size = Pt(9)
    footer.font.color.rgb = GREY
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    source = paragraph_style(doc, "Source Note")
    source.font.size = Pt(10)
    source.font.italic = True
    source.paragraph_format.space_after = Pt(6)
    source.paragraph_format.keep_with_next = True

    classification = paragraph_style(doc, "Classification")
    classification.font.small_caps = True
    classification.paragraph_format.space_after = Pt(10)
    classification.paragraph_format.keep_with_next = True

    dateline = paragraph_style(doc, "Dateline")
    dateline.font.italic = True
    dateline.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    dateline.paragraph_format.space_after = Pt(12)
    dateline.paragraph_format.keep_with_next = True

    list_head = paragraph_style(doc, "List Head")
    list_head.font.small_caps = True
    list_head.paragraph_format.space_before = Pt(4)
    list_head.paragraph_format.keep_with_next = True

    list_item = paragraph_style(doc, "List Item")
    list_item.paragraph_format.left_indent = INDENT
    list_item.paragraph_format.space_after = Pt(2)

    signature = paragraph_style(doc, "Signature")
    signature.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    signature.paragraph_format.space_before = Pt(6)
    signature.paragraph_format.space_after = Pt(12)

    page_break = paragraph_style(doc, "Page Break")
    page_break.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    page_break.paragraph_format.space_after = Pt(0)

    marker = doc.styles.add_style("Page Marker", WD_STYLE_TYPE.CHARACTER)
    marker.font.size = Pt(8.5)
    marker.font.color.rgb = GREY
    marker.quick_style = True

    footnote = doc.styles["Footnote Text"]
    footnote.font.size = Pt(9.5)
    footnote.paragraph_format.space_after = Pt(2)

    serif_everywhere(doc)
    out = io.BytesIO()
    doc.save(out)
    return repack(out.getvalue())


def heading_style(doc, name: str, size: Pt, before: Pt, after: Pt) -> None:  # type: ignore[no-untyped-def]
    """A heading in the body's serif, bold, upright, black, kept with the
    paragraph after it."""
    heading = doc.styles[name]
    heading.font.name = SERIF
    heading.font.size = size
    heading.font.bold = True
    heading.font.italic = False
    heading.font.color.rgb = RGBColor(0, 0, 0)
    heading.paragraph_format.space_before = before
    heading.paragraph_format.space_after = after
    heading.paragraph_format.keep_with_next = True


def serif_everywhere(doc) -> None:  # type: ignore[no-untyped-def]
    """Every font of the styles and the defaults is named, never a theme's:
    headings in the serif their style says, as the body."""
    for fonts in doc.styles.element.iter(qn("w:rFonts")):
        named = any(fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi"))
        for attr in THEME_FONTS:
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        if not named:
            for attr in ("ascii", "hAnsi", "cs"):
                fonts.set(qn(f"w:{attr}"), SERIF)


def main() -> int:
    data = build()
    TARGET.write_bytes(data)
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
