"""DOCX writer: a Word file for editors, written directly from the model.

WordprocessingML is built node by node with lxml, never from string
templates, so every character of the transcription is escaped by the XML
serialiser; one small method per model node, as in the TEI writer. The
styles, fonts and theme come from the shipped ``data/reference.docx`` (see
``scripts/make_reference_docx.py``), read once per process; the page is
``Options.paper`` with its number in the footer. Story parts declare Word's
namespaces on their root, as Word writes them. Blocks get its paragraph
styles: Source Note, Heading 1 (an enclosure's heading, a level below,
Heading 2; a sub-enclosure's, Heading 3), Classification (small caps),
Dateline (set right), Body, List Head, List Item, Signature, Page Break;
blocks are taken as print sets them (:mod:`cableconv.writers.printed`:
signers set alike, sub-enclosures headed); page markers are ``[Page 379]`` runs
in the character style Page Marker, where the page turns; tables are Word
tables with columns as wide as their text asks, column heads repeated on
each page and rows kept whole.

Footnotes are real Word footnotes showing the labels the volume printed:
Word's own numbering where the labels run on one by one from any start
(``numStart``, ``numFmt``), a custom mark (``customMarkFollows``) only for
what that cannot say (:mod:`cableconv.writers.docx_notes`; LibreOffice
shows a custom mark twice). A marker without a note, or inside a note, is
kept as a superscript; a note without a marker is anchored in a paragraph
of its own at the end; both are reported as losses (CC401, CC402). A
character XML cannot hold (a control character, which the pipeline reports
as CC005) is written as U+FFFD.

The package (zip, content types, relationships, properties) is built by
:mod:`cableconv.writers.opc`. It is deterministic: fixed part order, fixed
compression, and fixed dates (``Options.source_date_epoch``, from
``SOURCE_DATE_EPOCH``, when set; otherwise the document's own date in the
properties and 1980-01-01 in the zip). The core properties
(:mod:`cableconv.writers.meta`) are the title (heading and date), the
subject (source line, date), the sender as creator, keywords, language and
identifier, with the custom properties ``source`` and ``document-id``; no
proofing state is claimed.

Writing the package here rather than through pandoc's docx writer costs
well under a millisecond of CPU for a typical document instead of about 25
(pandoc's writer itself, even in a long-lived process): the parts that are
the same in every document are compressed once per process.
"""

from __future__ import annotations

import copy
import functools
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import (
    Attachment,
    Block,
    Closer,
    Dateline,
    DateText,
    Document,
    Footnote,
    Heading,
    Inlines,
    LineBreak,
    ListBlock,
    Name,
    NoteRef,
    Opener,
    PageBreak,
    PageBreakBlock,
    Paragraph,
    SourceNote,
    Table,
    Text,
    plain,
)
from cableconv.notes import pair_notes
from cableconv.options import Options
from cableconv.source import NOT_XML
from cableconv.writers import Output, opc
from cableconv.writers.docx_notes import NotePlan, plan_notes
from cableconv.writers.meta import Metadata, metadata
from cableconv.writers.printed import printed

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REFERENCE_DOCX = DATA_DIR / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = opc.OFFICE_RELS
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
#: The namespaces Word 2016 declares on the root of every story part
#: (document, footnotes, footer), whether the part uses them or not: tools
#: that read WordprocessingML look prefixes up on the root (docx2python
#: failed with ``KeyError: 'r'`` when only ``w`` was declared). Those a
#: reader may not know are ignorable (``mc:Ignorable``).
WORD_NAMESPACES = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": MC,
    "o": "urn:schemas-microsoft-com:office:office",
    "r": R_NS,
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": W,
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpi": "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "wne": "http://schemas.microsoft.com/office/word/2006/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
}
IGNORABLE = "w14 w15 wp14"
#: Page sizes of ``Options.paper`` in twentieths of a point (ECMA-376 ``w:pgSz``).
PAPER_TWIPS = {"letter": (12240, 15840), "a4": (11906, 16838)}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_WHITESPACE = re.compile(r"[ \t\n\r]+")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


P, PPR, PSTYLE, R, RPR, RSTYLE, T, BR = (
    _w(n) for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "br")
)
VAL, ID = _w("val"), _w("id")
RID = f"{{{opc.OFFICE_RELS}}}id"
FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTE_REF = (
    _w("footnote"),
    _w("footnoteReference"),
    _w("footnoteRef"),
)

#: Style names in the reference document (as Word names them), by role.
STYLE_NAMES = {
    "source-note": "Source Note",
    "heading": "heading 1",
    "heading-2": "heading 2",
    "heading-3": "heading 3",
    "classification": "Classification",
    "dateline": "Dateline",
    "body": "Body",
    "list-head": "List Head",
    "list-item": "List Item",
    "signature": "Signature",
    "page-break": "Page Break",
    "page-marker": "Page Marker",
    "footnote-text": "Footnote Text",
    "footnote-reference": "Footnote Reference",
    "table-cell": "Compact",
    "table": "Table",
    "footer": "footer",
}

# --------------------------------------------------------------------------
# the reference document, read once per process
# --------------------------------------------------------------------------

#: Parts copied as they are from the reference document.
COPIED_PARTS = ("word/styles.xml", "word/fontTable.xml", "word/theme/theme1.xml")
SETTINGS = "word/settings.xml"

_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
CONTENT_TYPES = {
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    "/docProps/custom.xml": "application/vnd.openxmlformats-officedocument.custom-properties+xml",
    "/word/document.xml": f"{_MAIN}.document.main+xml",
    "/word/footnotes.xml": f"{_MAIN}.footnotes+xml",
    "/word/footer1.xml": f"{_MAIN}.footer+xml",
    "/word/styles.xml": f"{_MAIN}.styles+xml",
    "/word/settings.xml": f"{_MAIN}.settings+xml",
    "/word/fontTable.xml": f"{_MAIN}.fontTable+xml",
    "/word/theme/theme1.xml": "application/vnd.openxmlformats-officedocument.theme+xml",
}
PACKAGE_RELATIONSHIPS = (
    (f"{opc.OFFICE_RELS}/officeDocument", "word/document.xml"),
    (f"{opc.PKG_RELS}/metadata/core-properties", "docProps/core.xml"),
    (f"{opc.OFFICE_RELS}/extended-properties", "docProps/app.xml"),
    (f"{opc.OFFICE_RELS}/custom-properties", "docProps/custom.xml"),
)
DOCUMENT_RELATIONSHIPS = (
    (f"{opc.OFFICE_RELS}/styles", "styles.xml"),
    (f"{opc.OFFICE_RELS}/settings", "settings.xml"),
    (f"{opc.OFFICE_RELS}/fontTable", "fontTable.xml"),
    (f"{opc.OFFICE_RELS}/theme", "theme/theme1.xml"),
    (f"{opc.OFFICE_RELS}/footnotes", "footnotes.xml"),
    (f"{opc.OFFICE_RELS}/footer", "footer1.xml"),
)
#: The relationship id of the footer: its place in DOCUMENT_RELATIONSHIPS.
FOOTER_RID = f"rId{len(DOCUMENT_RELATIONSHIPS)}"


class ReferenceDocxError(RuntimeError):
    """``data/reference.docx`` lacks a style or part this writer needs."""


@dataclass(frozen=True)
class _Reference:
    styles: dict[str, str]  # role -> style id
    section: etree._Element  # the reference's w:sectPr (margins)
    parts: dict[str, opc.Part]  # parts that are the same in every document

    @functools.cached_property
    def pages(self) -> dict[str, tuple[etree._Element, int]]:
        """Per paper: the section properties to copy into each document
        (the page size, the footer with the page number; footnote numbering
        is added per document) and the width of the text column."""
        return {paper: _page(self.section, paper) for paper in PAPER_TWIPS}


@functools.cache
def _reference() -> _Reference:
    with zipfile.ZipFile(REFERENCE_DOCX) as z:
        raw = {name: z.read(name) for name in z.namelist()}
    missing = [n for n in (*COPIED_PARTS, SETTINGS, "word/document.xml") if n not in raw]
    if missing:
        raise ReferenceDocxError(f"{REFERENCE_DOCX} has no {', '.join(missing)}")
    styles = opc.parse(raw["word/styles.xml"])
    ids_by_name: dict[str, str] = {}
    for style in styles.iter(_w("style")):
        name_el = style.find(_w("name"))
        if name_el is not None:
            ids_by_name.setdefault(
                (name_el.get(VAL) or "").casefold(), style.get(_w("styleId")) or ""
            )
    roles: dict[str, str] = {}
    for role, wanted in STYLE_NAMES.items():
        if wanted.casefold() not in ids_by_name:
            raise ReferenceDocxError(f"{REFERENCE_DOCX} has no style {wanted!r}")
        roles[role] = ids_by_name[wanted.casefold()]
    section = _section(opc.parse(raw["word/document.xml"]))
    parts = {name: opc.part(name, raw[name]) for name in COPIED_PARTS}
    static = {
        "[Content_Types].xml": opc.content_types(CONTENT_TYPES),
        "_rels/.rels": opc.relationships(PACKAGE_RELATIONSHIPS),
        "word/_rels/document.xml.rels": opc.relationships(DOCUMENT_RELATIONSHIPS),
        "docProps/app.xml": opc.app_properties(),
        SETTINGS: _settings(raw[SETTINGS]),
        "word/footer1.xml": _footer(roles["footer"]),
    }
    parts.update((name, opc.part(name, data)) for name, data in static.items())
    return _Reference(roles, section, parts)


def _section(document: etree._Element) -> etree._Element:
    """The reference's section properties (margins), without the children
    each document sets itself (footer, footnote numbering, page size)."""
    found = document.find(f"{_w('body')}/{_w('sectPr')}")
    if found is None:
        raise ReferenceDocxError(f"{REFERENCE_DOCX} has no section properties")
    section = copy.deepcopy(found)
    for child in list(section):
        if child.tag in (_w("footerReference"), _w("footnotePr"), _w("pgSz"), _w("type")):
            section.remove(child)
    margins = section.find(_w("pgMar"))
    if margins is not None:
        # attributes the schema requires and pandoc's reference leaves out
        for name, value in (("header", "720"), ("footer", "720"), ("gutter", "0")):
            if margins.get(_w(name)) is None:
                margins.set(_w(name), value)
    return section


def _page(base: etree._Element, paper: str) -> tuple[etree._Element, int]:
    """Section properties on ``paper`` with the page-number footer, and the
    text width between the margins."""
    section = copy.deepcopy(base)
    width, height = PAPER_TWIPS[paper]
    size = etree.Element(_w("pgSz"), {_w("w"): str(width), _w("h"): str(height)})
    margins = section.find(_w("pgMar"))
    if margins is not None:
        margins.addprevious(size)
    else:
        section.insert(0, size)
    # the schema's order: header and footer references come first
    section.insert(
        0, etree.Element(_w("footerReference"), {_w("type"): "default", RID: FOOTER_RID})
    )

    def twips(name: str) -> int:
        value = margins.get(_w(name)) if margins is not None else None
        return int(value) if value is not None and value.lstrip("-").isdigit() else 1440

    return section, max(width - twips("left") - twips("right"), 1440)


def _story(tag: str) -> etree._Element:
    """The root of a story part, with Word's namespace declarations."""
    root = etree.Element(_w(tag), nsmap=WORD_NAMESPACES)
    root.set(f"{{{MC}}}Ignorable", IGNORABLE)
    return root


def _footer(style: str) -> bytes:
    """``word/footer1.xml``: the page number, centred, as a PAGE field."""
    root = _story("ftr")
    p = etree.SubElement(root, P)
    ppr = etree.SubElement(p, PPR)
    etree.SubElement(ppr, PSTYLE, {VAL: style})
    etree.SubElement(ppr, _w("jc"), {VAL: "center"})
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1")):
        run = etree.SubElement(p, R)
        if kind is not None:
            etree.SubElement(run, _w("fldChar"), {_w("fldCharType"): kind})
        elif text == " PAGE ":
            instr = etree.SubElement(run, _w("instrText"), {XML_SPACE: "preserve"})
            instr.text = text
        else:
            etree.SubElement(run, T).text = text
    etree.SubElement(etree.SubElement(p, R), _w("fldChar"), {_w("fldCharType"): "end"})
    return opc.serialise(root)


def _settings(data: bytes) -> bytes:
    """The reference's settings, marked as Word 2013+ (compatibility mode
    15), so that Word does not open the file in compatibility mode, and
    without its proofing state: ``w:proofState spelling="clean"`` would tell
    Word this document's text has already been proofread."""
    root = opc.parse(data)
    for state in root.findall(_w("proofState")):
        root.remove(state)
    if root.find(_w("compat")) is None:
        compat = etree.Element(_w("compat"))
        etree.SubElement(
            compat,
            _w("compatSetting"),
            {
                _w("name"): "compatibilityMode",
                _w("uri"): "http://schemas.microsoft.com/office/word",
                _w("val"): "15",
            },
        )
        # the schema's order: compat follows footnotePr/endnotePr
        anchor = root.find(_w("endnotePr"))
        if anchor is None:
            anchor = root.find(_w("footnotePr"))
        if anchor is not None:
            anchor.addnext(compat)
        else:
            root.append(compat)
    return opc.serialise(root)


# --------------------------------------------------------------------------
# the document
# --------------------------------------------------------------------------


@dataclass
class _NoteLink:
    """A footnote as written: the reference in the text and the automatic
    mark at the start of the note, which a printed mark may replace."""

    mark: str
    reference: etree._Element
    note_mark: etree._Element


class _Writer:
    def __init__(self, doc: Document, ref: _Reference, paper: str = "letter") -> None:
        self.doc = doc
        self.ref = ref
        self.style = ref.styles
        self.section, self.text_width = ref.pages[paper]
        self.links: list[_NoteLink] = []
        self.losses: list[Diagnostic] = []
        self.pairing = pair_notes(doc)
        self.used: set[int] = set()
        self.in_note = False
        #: enclosures the writer is inside: their headings are a level below
        self.depth = 0
        self.root = _story("document")
        self.body = etree.SubElement(self.root, _w("body"))
        self.notes = _story("footnotes")
        for kind, nid in (("separator", "-1"), ("continuationSeparator", "0")):
            note = etree.SubElement(self.notes, FOOTNOTE, {_w("type"): kind, ID: nid})
            etree.SubElement(etree.SubElement(etree.SubElement(note, P), R), _w(kind))

    # ---- inline -------------------------------------------------------------
    def inlines(self, p: etree._Element, content: Inlines) -> bool:
        """Runs for inline content, appended to ``p``. Whitespace is collapsed
        to single spaces and trimmed at both ends of the content, as pandoc
        reads text. True if anything was written."""
        pending: list[str] = []
        wrote = False

        def flush(last: bool) -> None:
            nonlocal wrote
            if not pending:
                return
            text = _collapse("".join(pending))
            pending.clear()
            if not wrote:
                text = text.lstrip(" ")
            if last:
                text = text.rstrip(" ")
            if text:
                self.text_run(p, text)
                wrote = True

        for node in content:
            if isinstance(node, Text | Name | DateText):
                # names and dates are semantics for TEI; in print they are text
                pending.append(self.clean(node.text, node.span))
                continue
            flush(False)
            if isinstance(node, LineBreak):
                etree.SubElement(etree.SubElement(p, R), BR)
            elif isinstance(node, PageBreak):
                self.page_marker(p, node.n, node.span)
            elif isinstance(node, NoteRef):
                self.note_ref(p, node)
            else:  # pragma: no cover - the model has no other inline
                raise TypeError(f"unknown inline {node!r}")
            wrote = True
        flush(True)
        return wrote

    def text_run(self, p: etree._Element, text: str, style: str | None = None) -> etree._Element:
        run = etree.SubElement(p, R)
        if style is not None:
            etree.SubElement(etree.SubElement(run, RPR), RSTYLE, {VAL: style})
        t = etree.SubElement(run, T)
        t.text = text
        if text[0] == " " or text[-1] == " ":
            t.set(XML_SPACE, "preserve")
        return run

    def page_marker(self, p: etree._Element, n: str, span: Span) -> None:
        """``[Page 379]`` where the page turns, in the character style Page Marker."""
        self.text_run(p, f"[Page {self.clean(n, span)}]", self.style["page-marker"])

    def note_ref(self, p: etree._Element, ref: NoteRef) -> None:
        footnote = self.pairing.note(ref)
        if footnote is None or self.in_note:
            why = "inside a footnote" if self.in_note else "without a note"
            self.lose("CC401", f"footnote marker {ref.n} {why} kept as a superscript", ref.span)
            run = etree.SubElement(p, R)
            etree.SubElement(etree.SubElement(run, RPR), _w("vertAlign"), {VAL: "superscript"})
            etree.SubElement(run, T).text = self.clean(ref.n, ref.span)
            return
        self.used.add(id(footnote))
        self.footnote(p, footnote)

    def footnote(self, p: etree._Element, footnote: Footnote) -> None:
        """A Word footnote: the reference run here, the note in the footnotes part."""
        nid = str(len(self.links) + 1)
        mark_style = self.style["footnote-reference"]
        run = etree.SubElement(p, R)
        etree.SubElement(etree.SubElement(run, RPR), RSTYLE, {VAL: mark_style})
        reference = etree.SubElement(run, FOOTNOTE_REFERENCE, {ID: nid})
        note = etree.SubElement(self.notes, FOOTNOTE, {ID: nid})
        note_p = etree.SubElement(note, P)
        etree.SubElement(etree.SubElement(note_p, PPR), PSTYLE, {VAL: self.style["footnote-text"]})
        mark_run = etree.SubElement(note_p, R)
        etree.SubElement(etree.SubElement(mark_run, RPR), RSTYLE, {VAL: mark_style})
        note_mark = etree.SubElement(mark_run, FOOTNOTE_REF)
        self.text_run(note_p, " ")
        self.in_note = True
        self.inlines(note_p, footnote.content)
        self.in_note = False
        self.links.append(_NoteLink(self.clean(footnote.n, footnote.span), reference, note_mark))

    def printed_marks(self) -> NotePlan:
        """Each note shows its printed label: Word's numbering where the
        labels run on one by one (see :mod:`cableconv.writers.docx_notes`),
        a custom mark
        (``customMarkFollows``) for the others, which follows the reference
        in the text and replaces the automatic number in the note."""
        plan = plan_notes([link.mark for link in self.links])
        for k in sorted(plan.custom):
            link = self.links[k]
            # a note printed without a mark is anchored by a blank (frus1870
            # d1): its mark is that blank, as an empty one LibreOffice 7.4
            # numbers itself ("1") where Word shows nothing
            mark = link.mark or UNMARKED
            link.reference.set(_w("customMarkFollows"), "1")
            link.reference.addnext(_text(mark))
            link.note_mark.getparent().replace(link.note_mark, _text(mark))  # type: ignore[union-attr]
        return plan

    def section_properties(self, plan: NotePlan) -> etree._Element:
        """The document's section properties, with its footnote numbering."""
        section = copy.deepcopy(self.section)
        if plan.fmt is not None:
            props = etree.Element(_w("footnotePr"))
            etree.SubElement(props, _w("numFmt"), {VAL: plan.fmt})
            etree.SubElement(props, _w("numStart"), {VAL: str(plan.start)})
            section.insert(1, props)  # after the footer reference, as the schema orders them
        return section

    # ---- blocks -------------------------------------------------------------
    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            _BLOCK_WRITERS[type(block)](self, block)

    def para(self, role: str, content: Inlines) -> None:
        """A paragraph in the style of ``role``; none if the content is empty."""
        p = self.styled_p(role)
        if not self.inlines(p, content):
            self.body.remove(p)

    def styled_p(self, role: str) -> etree._Element:
        p = etree.SubElement(self.body, P)
        etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: self.style[role]})
        return p

    def source_note(self, block: SourceNote) -> None:
        self.para("source-note", block.content)

    def heading(self, block: Heading) -> None:
        """Heading 1; an enclosure's heading, a level below, Heading 2; a
        sub-enclosure's (or deeper), Heading 3."""
        self.para(("heading", "heading-2", "heading-3")[min(self.depth, 2)], block.content)

    def opener(self, block: Opener) -> None:
        """Classification lines (``top secret``), one paragraph, small caps by
        its style; the model keeps their case, as the FRUS TEI does."""
        p = self.styled_p("classification")
        wrote = False
        for line in block.lines:
            mark = len(p)
            if wrote:
                etree.SubElement(etree.SubElement(p, R), BR)
            if self.inlines(p, line):
                wrote = True
            else:
                del p[mark:]
        if not wrote:
            self.body.remove(p)

    def dateline(self, block: Dateline) -> None:
        self.para("dateline", block.content)

    def paragraph(self, block: Paragraph) -> None:
        self.para("body", block.content)

    def list_block(self, block: ListBlock) -> None:
        """Items as they stand, one paragraph each: the transcription's items
        carry their own numbers (``2.``, ``(a)``), so no list numbering is added."""
        if block.head is not None:
            self.para("list-head", block.head)
        for item in block.items:
            if isinstance(item, PageBreakBlock):
                self.page_break_block(item)
            else:
                self.para("list-item", item)

    def table(self, block: Table) -> None:
        """A Word table, one column per cell of the widest row (shorter rows
        are filled with empty cells), columns as wide as their text asks,
        column heads repeated on each page, no row split across pages."""
        width = max((len(row) for row in block.rows), default=0)
        if width == 0:
            return
        if len(self.body) and self.body[-1].tag == _w("tbl"):
            # two tables with nothing between are one to Word and LibreOffice
            # (frus1897/d332's two tables read back as one): an empty paragraph
            etree.SubElement(self.body, P)
        tbl = etree.SubElement(self.body, _w("tbl"))
        props = etree.SubElement(tbl, _w("tblPr"))
        etree.SubElement(props, _w("tblStyle"), {VAL: self.style["table"]})
        etree.SubElement(props, _w("tblW"), {_w("w"): str(self.text_width), _w("type"): "dxa"})
        etree.SubElement(props, _w("tblLayout"), {_w("type"): "fixed"})
        etree.SubElement(props, _w("tblLook"), _TABLE_LOOK)
        grid = etree.SubElement(tbl, _w("tblGrid"))
        columns = column_widths(block, width, self.text_width)
        for twips in columns:
            etree.SubElement(grid, _w("gridCol"), {_w("w"): str(twips)})
        cell_style = self.style["table-cell"]
        heads = block.header_rows or 0
        for r, row in enumerate(block.rows):
            tr = etree.SubElement(tbl, _w("tr"))
            row_props = etree.SubElement(tr, _w("trPr"))
            etree.SubElement(row_props, _w("cantSplit"))
            if r < heads:
                etree.SubElement(row_props, _w("tblHeader"))
            for k in range(width):
                tc = etree.SubElement(tr, _w("tc"))
                cell_props = etree.SubElement(tc, _w("tcPr"))
                etree.SubElement(
                    cell_props, _w("tcW"), {_w("w"): str(columns[k]), _w("type"): "dxa"}
                )
                p = etree.SubElement(tc, P)
                etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: cell_style})
                if k < len(row):
                    self.inlines(p, row[k])

    def page_break_block(self, block: PageBreakBlock) -> None:
        """A page turn between blocks: its marker in a paragraph of its own."""
        self.page_marker(self.styled_p("page-break"), block.n, block.span)

    def closer(self, block: Closer) -> None:
        self.para("signature", block.content)

    def attachment(self, block: Attachment) -> None:
        self.depth += 1
        try:
            self.blocks(block.blocks)
        finally:
            self.depth -= 1

    def unanchored_notes(self) -> None:
        """Footnotes whose marker was not found: kept as real notes, anchored
        in a paragraph of their own at the end, so no note is dropped."""
        for note in self.doc.footnotes:
            if id(note) not in self.used:
                self.lose("CC402", f"footnote {note.n} has no marker; placed at the end", note.span)
                self.footnote(self.styled_p("body"), note)

    # ---- text ---------------------------------------------------------------
    def clean(self, text: str, span: Span) -> str:
        """Text XML can hold: each character it cannot (a control character)
        becomes U+FFFD, and the loss is reported."""
        if NOT_XML.search(text) is None:
            return text
        self.lose("CC005", "control character written as U+FFFD", span)
        return NOT_XML.sub("\ufffd", text)

    def lose(self, code: str, message: str, span: Span) -> None:
        self.losses.append(Diagnostic(code, message, span))

    # ---- the parts ----------------------------------------------------------
    def parts(self) -> tuple[bytes, bytes]:
        """``word/document.xml`` and ``word/footnotes.xml``."""
        self.blocks(self.doc.blocks)
        self.unanchored_notes()
        plan = self.printed_marks()
        if len(self.body) and self.body[-1].tag == _w("tbl"):
            etree.SubElement(self.body, P)  # Word ends a document with a paragraph
        self.body.append(self.section_properties(plan))
        return opc.serialise(self.root), opc.serialise(self.notes)


#: The share of a column a cell's text asks for grows with its length up to
#: this many characters (a long cell wraps rather than starve the others).
_CELL_CHARS = 40
_MIN_COLUMN = 720  # half an inch


def column_widths(table: Table, columns: int, total: int) -> list[int]:
    """Column widths (twips) that add up to ``total``, each in proportion to
    the longest text of its cells (capped, so one long cell cannot take the
    whole width), none narrower than half an inch when there is room."""
    want = [1] * columns
    for row in table.rows:
        for k, cell in enumerate(row):
            want[k] = max(want[k], min(len(" ".join(plain(cell).split())), _CELL_CHARS))
    floor = min(_MIN_COLUMN, total // columns)
    spare = total - floor * columns
    widths = [floor + spare * w // sum(want) for w in want]
    widths[-1] += total - sum(widths)
    return widths


_TABLE_LOOK = {
    _w("firstRow"): "0",
    _w("lastRow"): "0",
    _w("firstColumn"): "0",
    _w("lastColumn"): "0",
    _w("noHBand"): "0",
    _w("noVBand"): "0",
    _w("val"): "0000",
}

_BLOCK_WRITERS: dict[type[Any], Callable[[_Writer, Any], None]] = {
    SourceNote: _Writer.source_note,
    Heading: _Writer.heading,
    Opener: _Writer.opener,
    Dateline: _Writer.dateline,
    Paragraph: _Writer.paragraph,
    ListBlock: _Writer.list_block,
    Table: _Writer.table,
    PageBreakBlock: _Writer.page_break_block,
    Closer: _Writer.closer,
    Attachment: _Writer.attachment,
}


def _collapse(text: str) -> str:
    """Runs of blanks, tabs and line ends as one blank. Most text has none,
    and four substring tests cost less than the regular expression."""
    if "  " in text or "\n" in text or "\t" in text or "\r" in text:
        return _WHITESPACE.sub(" ", text)
    return text


#: The custom mark of a note printed without a mark: a blank, shown as
#: nothing by Word and by LibreOffice.
UNMARKED = " "


def _text(value: str) -> etree._Element:
    t = etree.Element(T)
    t.text = value
    if value[:1].isspace() or value[-1:].isspace():
        t.set(XML_SPACE, "preserve")
    return t


# --------------------------------------------------------------------------
# the package
# --------------------------------------------------------------------------

#: Parts in the order they are stored; ``[Content_Types].xml`` comes first,
#: as Word writes it.
PART_ORDER = (
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/app.xml",
    "docProps/custom.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/footnotes.xml",
    "word/footer1.xml",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/theme/theme1.xml",
)


#: ``scripts/make_reference_docx.py`` repacks the reference with it.
repack = opc.repack


def warm_up(options: Options) -> None:
    """Before the first document of a process: the reference document read
    and its shared parts compressed."""
    _reference()


def write_docx(doc: Document, options: Options = Options()) -> Output:
    """The DOCX file of ``doc`` on ``options.paper``, deterministic, and what
    it could not hold."""
    ref = _reference()
    writer = _Writer(printed(doc), ref, options.paper)
    body, notes = writer.parts()
    epoch = options.source_date_epoch
    parts = dict(ref.parts)
    parts["word/document.xml"] = opc.part("word/document.xml", body)
    parts["word/footnotes.xml"] = opc.part("word/footnotes.xml", notes)
    core = opc.core_properties(_core(metadata(doc), doc), epoch)
    custom = opc.custom_properties((("document-id", doc.doc_id), ("source", doc.source_name)))
    parts["docProps/core.xml"] = opc.part("docProps/core.xml", core)
    parts["docProps/custom.xml"] = opc.part("docProps/custom.xml", custom)
    data = opc.zip_parts([parts[name] for name in PART_ORDER], opc.zip_time(epoch))
    return Output(data, tuple(writer.losses))


def _core(meta: Metadata, doc: Document) -> opc.CoreProperties:
    """The core properties (Dublin Core) from the document's metadata; the
    date is the document's own unless ``SOURCE_DATE_EPOCH`` gives one."""
    return opc.CoreProperties(
        title=meta.title,
        subject=meta.subject,
        creator="; ".join(meta.authors),
        keywords=", ".join(meta.keywords),
        description=f"Converted by cableconv from the transcription {doc.source_name}",
        language=meta.language,
        identifier=meta.identifier,
        date=meta.date[:10] if meta.date and len(meta.date) >= 10 else None,
    )
