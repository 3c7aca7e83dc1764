"""DOCX writer: a Word file for editors, written directly from the model.

WordprocessingML is built node by node with lxml, never from string
templates, so every character of the transcription is escaped by the XML
serialiser; one small method per model node, as in the TEI writer. The
styles, fonts, theme and page setup (US Letter) come from the shipped
``data/reference.docx`` (see ``scripts/make_reference_docx.py``), read once
per process. Blocks get its paragraph styles: Source Note, Heading 1,
Classification (small caps), Dateline (set right), Body, List Head, List
Item, Signature, Page Break; page markers are ``[Page 379]`` runs in the
character style Page Marker, where the page turns; tables are Word tables.

Footnotes are real Word footnotes. When a document's notes are not simply
1, 2, 3... (volumes that number notes by page, or mark them ``*``, ``†``),
each note keeps its printed mark as a custom mark (``customMarkFollows``).
A marker without a note, or inside a note, is kept as a superscript; a note
without a marker is anchored in a paragraph of its own at the end; both are
reported as losses (CC401, CC402). A character XML cannot hold (a control
character, which the pipeline reports as CC005) is written as U+FFFD.

The package (zip, content types, relationships, properties) is built by
:mod:`cableconv.writers.opc`. It is deterministic: fixed part order, fixed
compression, and fixed dates (``Options.source_date_epoch``, from
``SOURCE_DATE_EPOCH``, when set; otherwise no creation date in the
properties and 1980-01-01 in the zip). The title (the heading) and the
source file are in the document properties, with the custom properties
``source`` and ``document-id``.

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
)
from cableconv.notes import pair_notes
from cableconv.options import Options
from cableconv.source import NOT_XML
from cableconv.writers import Output, opc

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
REFERENCE_DOCX = DATA_DIR / "reference.docx"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_WHITESPACE = re.compile(r"[ \t\n\r]+")


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


P, PPR, PSTYLE, R, RPR, RSTYLE, T, BR = (
    _w(n) for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "br")
)
VAL, ID = _w("val"), _w("id")
FOOTNOTE, FOOTNOTE_REFERENCE, FOOTNOTE_REF = (
    _w("footnote"),
    _w("footnoteReference"),
    _w("footnoteRef"),
)

#: Style names in the reference document (as Word names them), by role.
STYLE_NAMES = {
    "source-note": "Source Note",
    "heading": "heading 1",
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
)


class ReferenceDocxError(RuntimeError):
    """``data/reference.docx`` lacks a style or part this writer needs."""


@dataclass(frozen=True)
class _Reference:
    styles: dict[str, str]  # role -> style id
    section: etree._Element  # the w:sectPr to copy into each document
    text_width: int  # twentieths of a point between the margins
    parts: dict[str, opc.Part]  # parts that are the same in every document


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
    section, text_width = _section(opc.parse(raw["word/document.xml"]))
    parts = {name: opc.part(name, raw[name]) for name in COPIED_PARTS}
    static = {
        "[Content_Types].xml": opc.content_types(CONTENT_TYPES),
        "_rels/.rels": opc.relationships(PACKAGE_RELATIONSHIPS),
        "word/_rels/document.xml.rels": opc.relationships(DOCUMENT_RELATIONSHIPS),
        "docProps/app.xml": opc.app_properties(),
        SETTINGS: _settings(raw[SETTINGS]),
    }
    parts.update((name, opc.part(name, data)) for name, data in static.items())
    return _Reference(roles, section, text_width, parts)


def _section(document: etree._Element) -> tuple[etree._Element, int]:
    """The reference's section properties (page size, margins, footnote
    numbering), as an element whose only namespace is ``w``, and the width
    of the text column."""
    found = document.find(f"{_w('body')}/{_w('sectPr')}")
    if found is None:
        raise ReferenceDocxError(f"{REFERENCE_DOCX} has no section properties")
    holder = etree.Element(_w("body"), nsmap={"w": W})
    holder.append(copy.deepcopy(found))
    etree.cleanup_namespaces(holder)
    section = holder[0]
    margins = section.find(_w("pgMar"))
    size = section.find(_w("pgSz"))
    if margins is not None:
        # attributes the schema requires and pandoc's reference leaves out
        for name, value in (("header", "720"), ("footer", "720"), ("gutter", "0")):
            if margins.get(_w(name)) is None:
                margins.set(_w(name), value)

    def twips(el: etree._Element | None, name: str, default: int) -> int:
        value = el.get(_w(name)) if el is not None else None
        return int(value) if value is not None and value.lstrip("-").isdigit() else default

    width = twips(size, "w", 12240) - twips(margins, "left", 1440) - twips(margins, "right", 1440)
    return section, max(width, 1440)


def _settings(data: bytes) -> bytes:
    """The reference's settings, marked as Word 2013+ (compatibility mode
    15), so that Word does not open the file in compatibility mode."""
    root = opc.parse(data)
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
    def __init__(self, doc: Document, ref: _Reference) -> None:
        self.doc = doc
        self.ref = ref
        self.style = ref.styles
        self.links: list[_NoteLink] = []
        self.losses: list[Diagnostic] = []
        self.pairing = pair_notes(doc)
        self.used: set[int] = set()
        self.in_note = False
        self.body = etree.Element(_w("body"))
        self.notes = etree.Element(_w("footnotes"), nsmap={"w": W})
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

    def printed_marks(self) -> None:
        """Each note keeps its printed mark (Word's ``customMarkFollows``):
        the mark follows the reference in the text and replaces the
        automatic number in the note. Only when the marks are not 1, 2, 3...,
        which Word numbers itself."""
        if [link.mark for link in self.links] == [str(k) for k in range(1, len(self.links) + 1)]:
            return
        for link in self.links:
            link.reference.set(_w("customMarkFollows"), "1")
            link.reference.addnext(_text(link.mark))
            link.note_mark.getparent().replace(link.note_mark, _text(link.mark))  # type: ignore[union-attr]

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
        self.para("heading", block.content)

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
        """A Word table, one column per cell of the widest row; shorter rows
        are filled with empty cells."""
        width = max((len(row) for row in block.rows), default=0)
        if width == 0:
            return
        tbl = etree.SubElement(self.body, _w("tbl"))
        props = etree.SubElement(tbl, _w("tblPr"))
        etree.SubElement(props, _w("tblStyle"), {VAL: self.style["table"]})
        etree.SubElement(props, _w("tblW"), {_w("w"): "0", _w("type"): "auto"})
        etree.SubElement(props, _w("tblLook"), _TABLE_LOOK)
        grid = etree.SubElement(tbl, _w("tblGrid"))
        column = str(self.ref.text_width // width)
        for _ in range(width):
            etree.SubElement(grid, _w("gridCol"), {_w("w"): column})
        cell_style = self.style["table-cell"]
        for row in block.rows:
            tr = etree.SubElement(tbl, _w("tr"))
            for k in range(width):
                p = etree.SubElement(etree.SubElement(tr, _w("tc")), P)
                etree.SubElement(etree.SubElement(p, PPR), PSTYLE, {VAL: cell_style})
                if k < len(row):
                    self.inlines(p, row[k])

    def page_break_block(self, block: PageBreakBlock) -> None:
        """A page turn between blocks: its marker in a paragraph of its own."""
        self.page_marker(self.styled_p("page-break"), block.n, block.span)

    def closer(self, block: Closer) -> None:
        self.para("signature", block.content)

    def attachment(self, block: Attachment) -> None:
        self.blocks(block.blocks)

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
        self.printed_marks()
        if len(self.body) and self.body[-1].tag == _w("tbl"):
            etree.SubElement(self.body, P)  # Word ends a document with a paragraph
        self.body.append(copy.deepcopy(self.ref.section))
        root = etree.Element(_w("document"), nsmap={"w": W})
        root.append(self.body)
        return opc.serialise(root), opc.serialise(self.notes)


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


def _text(value: str) -> etree._Element:
    t = etree.Element(T)
    t.text = value
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
    """The DOCX file of ``doc``, deterministic, and what it could not hold."""
    ref = _reference()
    writer = _Writer(doc, ref)
    body, notes = writer.parts()
    epoch = options.source_date_epoch
    parts = dict(ref.parts)
    parts["word/document.xml"] = opc.part("word/document.xml", body)
    parts["word/footnotes.xml"] = opc.part("word/footnotes.xml", notes)
    core = opc.core_properties(doc.title, doc.source_name, epoch)
    custom = opc.custom_properties((("document-id", doc.doc_id), ("source", doc.source_name)))
    parts["docProps/core.xml"] = opc.part("docProps/core.xml", core)
    parts["docProps/custom.xml"] = opc.part("docProps/custom.xml", custom)
    data = opc.zip_parts([parts[name] for name in PART_ORDER], opc.zip_time(epoch))
    return Output(data, tuple(writer.losses))
