"""TEI writer: the document model as FRUS TEI (Office of the Historian encoding).

Built node by node with lxml, never from string templates, so every character
of the transcription is escaped by the XML serialiser. The document ``div``
follows the official FRUS volumes: inline source notes, ``head`` with
``persName``/``gloss``, ``opener/seg`` for the classification, ``dateline``
with ``date/@when``, footnotes inline at their anchors, ``pb`` where the page
turns, ``closer/signed``, and ``frus:attachment`` for enclosures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from cableconv.diagnostics import Span
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

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NSMAP = {None: TEI_NS, "frus": FRUS_NS}


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


#: Element -> the span of the transcription it was made from, for diagnostics
#: raised on the TEI (schema errors) to point back into the transcription.
SpanMap = dict[etree._Element, Span]


class _Writer:
    def __init__(self, doc: Document, spans: SpanMap | None = None) -> None:
        self.doc = doc
        self.spans = spans
        self.note_ids = _note_ids(doc)
        self.pairing = pair_notes(doc)

    # ---- inline -------------------------------------------------------------
    def inlines(self, parent: etree._Element, content: Inlines) -> None:
        last: etree._Element | None = parent[-1] if len(parent) else None
        for node in content:
            if isinstance(node, Text):
                _append_text(parent, last, node.text)
                continue
            if isinstance(node, PageBreak):
                el = etree.SubElement(parent, _t("pb"), n=node.n)
            elif isinstance(node, LineBreak):
                el = etree.SubElement(parent, _t("lb"))
            elif isinstance(node, Name):
                tag = "persName" if node.kind == "person" else "gloss"
                el = etree.SubElement(parent, _t(tag), type=node.role)
                el.text = node.text
            elif isinstance(node, DateText):
                el = etree.SubElement(parent, _t("date"))
                if node.when:
                    el.set("when", node.when)
                el.text = node.text
            elif isinstance(node, NoteRef):
                el = self.note(parent, node)
            else:  # pragma: no cover - the model has no other inline
                raise TypeError(f"unknown inline {node!r}")
            if self.spans is not None:
                self.spans[el] = node.span
            last = el

    def note(self, parent: etree._Element, ref: NoteRef) -> etree._Element:
        footnote = self.pairing.note(ref)
        el = etree.SubElement(parent, _t("note"))
        if ref.n:
            el.set("n", ref.n)
        if footnote is not None:
            el.set(XML_ID, self.note_ids[id(footnote)])
            if footnote.kind == "source":
                el.set("type", "source")
            self.inlines(el, footnote.content)
        return el

    def unanchored(self, div: etree._Element) -> None:
        """Footnotes whose marker was not found (the parser reported each) are
        kept, after the last block, so that no note text is lost."""
        for note in self.pairing.unanchored:
            el = etree.SubElement(div, _t("note"))
            if note.n:
                el.set("n", note.n)
            el.set(XML_ID, self.note_ids[id(note)])
            self.inlines(el, note.content)
            if self.spans is not None:
                self.spans[el] = note.span

    # ---- blocks -------------------------------------------------------------
    def blocks(self, parent: etree._Element, blocks: tuple[Block, ...]) -> None:
        """Blocks of a document or an enclosure. A dateline right after an
        opener joins it; text that follows a signature or an enclosure is a
        ``postscript`` (FRUS allows only closers, enclosures and postscripts
        after either: frus1870 d336 ends with the addressee after the
        enclosure)."""
        opener: etree._Element | None = None
        postscript: etree._Element | None = None
        closed = False
        text_ahead = _text_before_attachment(blocks)
        items_after = False  # was this block written into the list of the table before it?
        for k, block in enumerate(blocks):
            if items_after:
                items_after = False
                continue
            if isinstance(block, Dateline) and opener is not None:
                self.block(opener, block)
                opener = None
                continue
            target = parent
            if isinstance(block, Attachment):
                postscript = None
            elif (
                closed
                and text_ahead[k]
                and not (_signs(block) or isinstance(block, PageBreakBlock))
            ):
                # after a signature: a (new) postscript; more signatures
                # (several signers) stand beside the first, and so do page
                # turns (a postscript opens with text, not with a page break)
                postscript = etree.SubElement(parent, _t("postscript"))
                closed = False
            if postscript is not None:
                target = postscript
            if _in_item(block) and k + 1 < len(blocks) and _next_items(blocks[k + 1]):
                el = self.table_in_item(target, block, blocks[k + 1])
                items_after = True
            else:
                el = self.block(target, block)
            opener = el if isinstance(block, Opener) else None
            closed = closed or _signs(block) or isinstance(block, Attachment)

    def table_in_item(self, parent: etree._Element, table: Block, after: Block) -> etree._Element:
        """A table printed inside an item of a list, and the list's next items
        after it (a paragraph, or a list): one ``list`` whose first ``item``
        holds the table, as FRUS TEI encodes it (frus1897 d332, frus1934v05
        d435): the next item is displayed on the line under the last row."""
        el = etree.SubElement(parent, _t("list"))
        self.block(etree.SubElement(el, _t("item")), table)
        more = self.block(parent, after)
        parent.remove(more)
        if more.tag == _t("p"):
            more.tag = _t("item")
            el.append(more)
        else:
            el.extend(list(more))
        if self.spans is not None:
            self.spans[el] = table.span
        return el

    def closer(self, el: etree._Element, block: Closer) -> None:
        """The closer's parts (``signed``, ``dateline``, ``salute``) and the
        lines between them. A part stands on lines of its own where FRUS TEI
        is displayed, so the line breaks around it are not written."""
        content = block.content
        pos = 0
        for kind, start, end in block.signature_parts():
            self.inlines(el, _between(content, pos, start))
            self.inlines(etree.SubElement(el, _t(kind)), content[start:end])
            pos = end
        self.inlines(el, _between(content, pos, len(content)))

    def block(self, parent: etree._Element, block: Block) -> etree._Element:
        if isinstance(block, SourceNote):
            el = etree.SubElement(parent, _t("note"), rend="inline", type="source")
            self.inlines(el, block.content)
        elif isinstance(block, Heading):
            el = etree.SubElement(parent, _t("head"))
            self.inlines(el, block.content)
        elif isinstance(block, Opener):
            el = etree.SubElement(parent, _t("opener"))
            lines = el  # a place: the opener's own text
            if block.role is None:
                seg = etree.SubElement(el, _t("seg"), rendition="#left")
                lines = etree.SubElement(seg, _t("hi"), rend="smallcaps")
            for i, line in enumerate(block.lines):
                if i:
                    etree.SubElement(lines, _t("lb"))
                self.inlines(lines, line)
        elif isinstance(block, Dateline):
            el = etree.SubElement(parent, _t("dateline"))
            self.inlines(el, block.content)
        elif isinstance(block, Paragraph):
            el = etree.SubElement(parent, _t("p"))
            self.inlines(el, block.content)
        elif isinstance(block, ListBlock) and block.role == "signers":
            el = etree.SubElement(parent, _t("closer"))
            self.block(etree.SubElement(el, _t("signed")), replace(block, role=None))
        elif isinstance(block, ListBlock):
            el = etree.SubElement(parent, _t("list"))
            if block.head is not None:
                self.inlines(etree.SubElement(el, _t("head")), block.head)
            for item in block.items:
                if isinstance(item, PageBreakBlock):
                    self.block(el, item)
                else:
                    item_el = etree.SubElement(el, _t("item"))
                    self.inlines(item_el, item)
                    _lift_unlabelled(item_el)
        elif isinstance(block, Table):
            el = etree.SubElement(parent, _t("table"))
            for row in block.rows:
                row_el = etree.SubElement(el, _t("row"))
                for cell in row:
                    cell_el = etree.SubElement(row_el, _t("cell"))
                    paragraphs = _cell_paragraphs(cell)
                    if len(paragraphs) == 1:
                        self.inlines(cell_el, cell)
                    else:
                        for paragraph in paragraphs:
                            self.inlines(etree.SubElement(cell_el, _t("p")), paragraph)
        elif isinstance(block, PageBreakBlock):
            el = etree.SubElement(parent, _t("pb"), n=block.n)
        elif isinstance(block, Closer):
            el = etree.SubElement(parent, _t("closer"))
            self.closer(el, block)
        elif isinstance(block, Attachment):
            el = etree.SubElement(parent, f"{{{FRUS_NS}}}attachment")
            self.blocks(el, block.blocks)
        else:  # pragma: no cover - the model has no other block
            raise TypeError(f"unknown block {block!r}")
        if self.spans is not None:
            self.spans[el] = block.span
        _lift_unlabelled(el)
        return el


def _lift_unlabelled(el: etree._Element) -> None:
    """Notes printed without a mark that end a block are written after it, as
    FRUS encodes them: a ``note`` without ``@n`` inside the text would be
    displayed (and read back) with a number counted by position."""
    lifted: list[etree._Element] = []
    node = el
    while len(node) and not (node[-1].tail or "").strip():
        last = node[-1]
        if last.tag != _t("note"):
            node = last  # the note may end a signature or a highlighted run
            continue
        if last.get("n") is not None or last.get("rend") is not None:
            break
        node.remove(last)  # with its tail, which is blank
        lifted.append(last)
    for note in lifted:
        note.tail = None
        el.addnext(note)


def _in_item(block: Block) -> bool:
    """A table printed inside a list item (``Table.role``)."""
    return isinstance(block, Table) and block.role == "list-item"


def _next_items(block: Block) -> bool:
    """Can ``block`` be the next items of the list a table was printed in: a
    paragraph, or a plain list with no head of its own?"""
    return isinstance(block, Paragraph) or (
        isinstance(block, ListBlock) and block.head is None and block.role is None
    )


def _signs(block: Block) -> bool:
    """A closer, or a list of signers (written as one)."""
    return isinstance(block, Closer) or (isinstance(block, ListBlock) and block.role == "signers")


def _between(content: Inlines, start: int, end: int) -> Inlines:
    """The closer's content from the end of one part (or 0) to the start of
    the next (or the end), without the line breaks that only stand for the
    parts' own lines: one after a part, and one before a part when anything
    is displayed before it."""
    if start and start < end and isinstance(content[start], LineBreak) and _shows(content[:start]):
        start += 1
    if (
        end < len(content)
        and start < end
        and isinstance(content[end - 1], LineBreak)
        and _shows(content[: end - 1])
    ):
        end -= 1
    return content[start:end]


def _shows(content: Inlines) -> bool:
    """Is anything but line breaks displayed of ``content``?"""
    return any(not isinstance(node, LineBreak) for node in content)


def _text_before_attachment(blocks: tuple[Block, ...]) -> list[bool]:
    """For each ``k``: is there a block other than a page break from block
    ``k`` to the next enclosure? One backward pass, so that a signature
    followed by thousands of page breaks is not scanned again for each."""
    ahead = [False] * len(blocks)
    found = False
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if isinstance(block, Attachment):
            found = False
        elif isinstance(block, Paragraph | ListBlock | Table):
            found = True  # a postscript of page breaks and signatures is not valid FRUS
        ahead[k] = found
    return ahead


def _cell_paragraphs(cell: Inlines) -> list[Inlines]:
    """A cell's paragraphs: its content cut at each blank line (two line
    breaks in a row), as the notes on a row stand in its last cell (FRUS
    TEI's ``cell/p``); a cell without one is one paragraph, written as inlines."""
    out: list[Inlines] = []
    start = 0
    for k in range(1, len(cell)):
        if isinstance(cell[k], LineBreak) and isinstance(cell[k - 1], LineBreak):
            out.append(cell[start : k - 1])
            start = k + 1
    out.append(cell[start:])
    return out


def _append_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _note_ids(doc: Document) -> dict[int, str]:
    """``xml:id`` of each footnote: the document id, ``fn``, and the note's number."""
    ids: dict[int, str] = {}
    used: set[str] = set()
    # the last suffix given to each base: a volume that numbers its notes by
    # page repeats "1" thousands of times, and counting up from _2 for each
    # would cost the square of that
    last_extra: dict[str, int] = {}
    for k, note in enumerate(doc.footnotes, start=1):
        base = f"{doc.doc_id}fn{note.n}" if re.fullmatch(r"\w+", note.n) else f"{doc.doc_id}fn{k}"
        candidate = base
        extra = last_extra.get(base, 1)
        while candidate in used:
            extra += 1
            candidate = f"{base}_{extra}"
        last_extra[base] = extra
        used.add(candidate)
        ids[id(note)] = candidate
    return ids


def document_number(doc: Document) -> str:
    """``@n`` of the document div: the number in its id (``d12`` -> ``12``)."""
    m = re.search(r"(\d+)$", doc.doc_id)
    return m.group(1) if m else "1"


def document_div(doc: Document, spans: SpanMap | None = None) -> etree._Element:
    """The ``div[@type='document']`` for one document; ``spans``, if given,
    is filled with the transcription span of every element made."""
    div = etree.Element(_t("div"), nsmap=NSMAP)  # type: ignore[arg-type]
    div.set("type", "document")
    div.set("subtype", "historical-document")
    div.set(XML_ID, doc.doc_id)
    div.set("n", document_number(doc))
    if spans is not None:
        spans[div] = doc.span
    writer = _Writer(doc, spans)
    blocks = doc.blocks
    if blocks and _only_markers(blocks[0]):
        # Notes before anything else is printed (frus1870: an annex label "A."
        # in a note above the heading) stand bare in the div, where FRUS puts
        # them; a paragraph before the heading is not valid FRUS.
        writer.inlines(div, blocks[0].content)  # type: ignore[union-attr]
        blocks = blocks[1:]
    writer.blocks(div, blocks)
    writer.unanchored(div)
    return div


def _only_markers(block: Block) -> bool:
    """A paragraph of nothing but note markers (displayed as their numbers)."""
    return (
        isinstance(block, Paragraph)
        and bool(block.content)
        and all(isinstance(node, NoteRef) and node.n for node in block.content)
    )


def tei_document(doc: Document, spans: SpanMap | None = None) -> etree._Element:
    """A whole TEI file: a header naming the source, and the document div."""
    root = etree.Element(_t("TEI"), nsmap=NSMAP)  # type: ignore[arg-type]
    header = etree.SubElement(root, _t("teiHeader"))
    file_desc = etree.SubElement(header, _t("fileDesc"))
    title_stmt = etree.SubElement(file_desc, _t("titleStmt"))
    etree.SubElement(title_stmt, _t("title"), type="complete").text = doc.title
    pub = etree.SubElement(file_desc, _t("publicationStmt"))
    etree.SubElement(
        pub, _t("p")
    ).text = "Converted with cableconv from a plain-text transcription."
    source_desc = etree.SubElement(file_desc, _t("sourceDesc"))
    etree.SubElement(source_desc, _t("p")).text = f"Transcription: {doc.source_name}"
    text = etree.SubElement(root, _t("text"))
    body = etree.SubElement(text, _t("body"))
    body.append(document_div(doc, spans))
    return root


def to_tei_bytes(doc: Document) -> bytes:
    """The TEI file's bytes: UTF-8, with an XML declaration, deterministic."""
    root = tei_document(doc)
    _layout(root, 0)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


_ELEMENT_ONLY = {
    _t(n)
    for n in (
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "publicationStmt",
        "sourceDesc",
        "text",
        "body",
        "div",
        "list",
        "table",
        "row",
        "opener",
        "closer",
        "postscript",
    )
} | {f"{{{FRUS_NS}}}attachment"}


def _layout(el: etree._Element, depth: int) -> None:
    """Indent element-only containers; mixed content is never touched, since
    whitespace there is text."""
    if el.tag in _ELEMENT_ONLY or _signers(el):
        indent_children(el, depth, _layout)


def indent_children(
    el: etree._Element, depth: int, descend: Callable[[etree._Element, int], None]
) -> None:
    """Put each child of ``el`` on a line of its own, indented two blanks a
    level, and ``descend`` into it; an element holding text of its own
    (mixed content, where whitespace is text) is left as it is."""
    if (el.text and el.text.strip()) or len(el) == 0:
        return
    if any(c.tail and c.tail.strip() for c in el):
        return
    inner = "\n" + "  " * (depth + 1)
    el.text = inner
    for child in el:
        child.tail = inner
        descend(child, depth + 1)
    el[-1].tail = "\n" + "  " * depth


def _signers(el: etree._Element) -> bool:
    """A ``signed`` that is a list of signers: element-only, and its items
    read a space apart (``Logan Herrick``), as FRUS prints them."""
    return el.tag == _t("signed") and len(el) == 1 and el[0].tag == _t("list")


def footnote_element_ids(doc: Document) -> list[tuple[Footnote, str]]:
    ids = _note_ids(doc)
    return [(note, ids[id(note)]) for note in doc.footnotes]
