"""One FRUS document ``div`` into a :class:`~cableconv.model.Document`.

The walk follows how history.state.gov displays a document (the rules the
corpus's ``frus_record.py`` copies): which elements are blocks, which are
containers of blocks, how a list or table nested inside a paragraph splits
it, where a footnote's marker stands. Following the display rather than the
schema is what makes the round trip exact: the TEI cableconv writes from the
model displays as the official TEI does.

The model is flatter than TEI: a paragraph inside a list item, a list nested
in a list, the quotation around quoted paragraphs become blocks side by side,
in the order and with the separations they are displayed with. Markup the
model has no place for (italics, links of names to the list of persons,
alignment) is left out and counted; an element the reader does not know keeps
its text and is reported (CC610) at its line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from cableconv.diagnostics import Diagnostic, Span
from cableconv.model import (
    Attachment,
    Block,
    Closer,
    CloserPart,
    Dateline,
    DateText,
    Document,
    Footnote,
    Heading,
    Inline,
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
from cableconv.readers.tei_text import Mark, Piece, collapse, inlines, trim, visible

TEI_NS = "http://www.tei-c.org/ns/1.0"
FRUS_NS = "http://history.state.gov/frus/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XINCLUDE = "{http://www.w3.org/2001/XInclude}include"

#: Span of the element at a line of the TEI file.
SpanAt = Callable[[int], Span]


def _t(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


NOTE, PB, LB, HEAD, P, ITEM, LABEL = (
    _t(n) for n in ("note", "pb", "lb", "head", "p", "item", "label")
)
LIST, TABLE, ROW, CELL, QUOTE, LG, L = (
    _t(n) for n in ("list", "table", "row", "cell", "quote", "lg", "l")
)
OPENER, CLOSER, SIGNED, SEG = (_t(n) for n in ("opener", "closer", "signed", "seg"))
DATELINE, DATE, SALUTE, BYLINE = (_t(n) for n in ("dateline", "date", "salute", "byline"))
PERSNAME, GLOSS, HI, DIV = (_t(n) for n in ("persName", "gloss", "hi", "div"))
FIGURE, GRAPHIC, GAP = _t("figure"), _t("graphic"), _t("gap")
ATTACHMENT = f"{{{FRUS_NS}}}attachment"

#: Displayed as nothing: images and their descriptions, editors' gaps,
#: anchors, and the XInclude of the header.
SKIP = frozenset({GRAPHIC, _t("figDesc"), GAP, _t("space"), _t("anchor"), XINCLUDE})
#: A block element inside a paragraph (or an item, a heading) ends it; the
#: text after it starts a new block of the same kind.
SPLITTERS = frozenset({LIST, TABLE, P, LG})
#: Blocks whose content is inline text, and the kind of block each is displayed as.
SIMPLE = {
    P: "para",
    DATELINE: "dateline",
    SIGNED: "signed",
    SALUTE: "para",
    BYLINE: "para",
    _t("docDate"): "para",
    _t("trailer"): "para",
    _t("ab"): "para",
}
#: Containers whose blocks are read as if they stood in the container's place.
POSTSCRIPT = _t("postscript")
CONTAINERS = frozenset({DIV, POSTSCRIPT, FIGURE})
#: Phrase-level elements whose text is kept and whose markup the model has
#: no place for (seen in the FRUS volumes of 1861-1957; TEI's common phrases).
PHRASES = frozenset(
    _t(n)
    for n in (
        "hi",
        "persName",
        "placeName",
        "orgName",
        "geogName",
        "roleName",
        "name",
        "rs",
        "gloss",
        "term",
        "ref",
        "seg",
        "quote",
        "q",
        "date",
        "time",
        "num",
        "measure",
        "foreign",
        "title",
        "emph",
        "label",
        "abbr",
        "expan",
        "unclear",
        "signed",
        "dateline",
        "salute",
        "figure",  # inside a paragraph or a cell (frus1897): its image is reported, CC611
    )
)


@dataclass
class _Pending:
    """A block as it is displayed: its kind, content and separation from the
    block before (``"\\n"`` inside a list or a table). Mutable until the
    document is read: a footnote at block level joins the block before it."""

    kind: str
    content: list[Piece]
    span: Span
    sep: str = "\n\n"
    blocks: list[_Pending] | None = None


@dataclass
class DocumentRead:
    """A document and what reading it found."""

    document: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Reader:
    def __init__(self, span_at: SpanAt, name: str) -> None:
        self.span_at = span_at
        self.name = name
        self.diags: list[Diagnostic] = []
        self.not_carried: Counter[str] = Counter()
        self.footnotes: list[Footnote] = []
        self.root: list[_Pending] = []
        self.out = self.root
        self.buf: list[Piece] | None = None
        self.kind = ""
        self.sep = "\n\n"
        self.block_span = span_at(1)
        self.last: _Pending | None = None
        self.div: Any = None

    def span(self, el: Any) -> Span:
        return self.span_at(el.sourceline or 1)

    def warn(self, code: str, message: str, el: Any, hint: str = "") -> None:
        self.diags.append(Diagnostic(code, message, self.span(el), hint=hint))

    # ---- the block being built ---------------------------------------------
    def open_block(self, kind: str, el: Any, sep: str = "\n\n") -> None:
        self.close_block()
        self.buf = []
        self.kind = kind
        self.sep = sep
        self.block_span = self.span(el)

    def close_block(self) -> None:
        if self.buf is None:
            return
        content = trim(self.buf)
        if visible(content):
            self.append(_Pending(self.kind, content, self.block_span, self.sep))
        self.buf = None
        self.kind = ""
        self.sep = "\n\n"

    def append(self, pending: _Pending) -> None:
        self.out.append(pending)
        self.last = pending

    def text(self, text: str, el: Any) -> None:
        if not text:
            return
        if self.buf is None:
            if not text.strip():
                return
            self.open_block("para", el)  # text straight in a container: a paragraph
        assert self.buf is not None
        last = self.buf[-1] if self.buf else None
        if isinstance(last, Text):
            self.buf[-1] = Text(last.text + text, last.span)
        else:
            self.buf.append(Text(text, self.span(el)))

    def node(self, node: Piece, el: Any) -> None:
        if self.buf is None:
            self.open_block("para", el)
        assert self.buf is not None
        self.buf.append(node)

    # ---- inline content ------------------------------------------------------
    def inline(self, el: Any) -> None:
        """``el``'s content into the block being built."""
        self.text(collapse(el.text), el)
        for child in el:
            self.inline_child(child)
            self.text(collapse(child.tail), el)

    def inline_child(self, el: Any) -> None:
        tag = el.tag
        if not isinstance(tag, str):  # a comment or processing instruction
            return
        if tag == NOTE:
            if el.get("rend") == "inline":  # a note printed in the text: lines of its own
                self.node(LineBreak(self.span(el)), el)
                self.inline(el)
                self.node(LineBreak(self.span(el)), el)
            else:
                self.footnote(el)
        elif tag == PB:
            self.node(PageBreak(el.get("n", ""), self.span(el)), el)
        elif tag == LB:
            self.node(LineBreak(self.span(el)), el)
        elif tag in SKIP:
            self.skipped(el)
        elif tag in SPLITTERS or (tag == QUOTE and el.find(P) is not None):
            kind = self.kind or "para"
            self.close_block()
            self.block(el)
            self.open_block(kind, el)
        elif tag in (PERSNAME, GLOSS) and el.get("type") in ("from", "to") and _plain(el):
            party: Literal["person", "office"] = "person" if tag == PERSNAME else "office"
            role: Literal["from", "to"] = "from" if el.get("type") == "from" else "to"
            self.node(Name(collapse(_text(el)), party, role, self.span(el)), el)
            self.count_markup(el, inner=True)
        elif tag == DATE and _plain(el):
            self.node(DateText(collapse(_text(el)), el.get("when"), self.span(el)), el)
            self.count_markup(el, inner=True)
        else:
            if tag in PHRASES:
                self.count_markup(el)
            else:
                self.unknown(el)
            self.inline(el)

    def footnote(self, el: Any) -> None:
        """A footnote at its anchor; one without ``@n`` inside the text is
        displayed with its number among the document's notes."""
        n = el.get("n") or str(len(self.footnotes) + 1)
        self.footnotes.append(self.note(el, n))
        self.node(NoteRef(n, self.span(el)), el)

    def note(self, el: Any, n: str) -> Footnote:
        kind: Literal["note", "source"] = "source" if el.get("type") == "source" else "note"
        content: list[Piece] = []
        self.note_content(el, content)
        return Footnote(n, inlines(trim(content)), self.span(el), kind)

    def note_content(self, el: Any, out: list[Piece]) -> None:
        """A note's text: paragraphs, items and cells inside it run on, a
        space apart, as notes are displayed."""

        def text(s: str, at: Any) -> None:
            if s:
                last = out[-1] if out else None
                if isinstance(last, Text):
                    out[-1] = Text(last.text + s, last.span)
                else:
                    out.append(Text(s, self.span(at)))

        text(collapse(el.text), el)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                pass
            elif tag == PB:
                out.append(PageBreak(child.get("n", ""), self.span(child)))
            elif tag == LB:
                out.append(LineBreak(self.span(child)))
            elif tag in SKIP:
                self.skipped(child)
            elif tag in (P, ITEM, LABEL, ROW, CELL, HEAD):
                text(" ", child)
                self.note_content(child, out)
                text(" ", child)
            else:
                if tag in PHRASES or tag in (NOTE, LIST, TABLE, QUOTE):
                    self.count_markup(child)
                else:
                    self.unknown(child)
                self.note_content(child, out)
            text(collapse(child.tail), el)

    # ---- what is not carried -------------------------------------------------
    def count_markup(self, el: Any, *, inner: bool = False) -> None:
        """Markup left out of the model, counted for the document's summary."""
        for sub in el.iter() if inner else (el,):
            if (sub is el and inner) or not isinstance(sub.tag, str):
                continue
            rend = sub.get("rend")
            self.not_carried[f"{_local(sub)}[@rend={rend}]" if rend else _local(sub)] += 1

    def skipped(self, el: Any) -> None:
        if el.tag == GRAPHIC:
            self.warn(
                "CC611",
                f"image {el.get('url', '')!r} left out: the model holds no images",
                el,
                hint="the outputs show the figure's caption, if it has one, but not the image",
            )
        elif el.tag != XINCLUDE:
            self.not_carried[_local(el)] += 1

    def unknown(self, el: Any) -> None:
        self.warn(
            "CC610",
            f"element <{_qname(el)}> is not known to the TEI reader; its text is kept as text",
            el,
            hint="check the outputs here; if the element matters, report it with this document",
        )

    # ---- blocks ----------------------------------------------------------------
    def children(self, el: Any) -> None:
        if el.text and el.text.strip():
            self.text(collapse(el.text), el)
        for child in el:
            self.block(child)
            if child.tail and child.tail.strip():
                self.text(collapse(child.tail), el)
        self.close_block()

    def block(self, el: Any) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return
        handler = _BLOCKS.get(tag)
        if handler is not None:
            handler(self, el)
        elif tag in SIMPLE:
            self.open_block(SIMPLE[tag], el)
            self.inline(el)
            self.close_block()
        elif tag in SKIP:
            self.skipped(el)
        elif tag in CONTAINERS:
            self.close_block()
            self.children(el)
        else:  # anything else at block level: inline content of a paragraph
            if self.buf is None:
                self.open_block("para", el)
            self.inline_child(el)

    def block_note(self, el: Any) -> None:
        if el.get("rend") == "inline":
            before = el.getprevious()
            while before is not None and not isinstance(before.tag, str):
                before = before.getprevious()
            if before is not None and before.tag == POSTSCRIPT:
                self.warn(
                    "CC616",
                    "a source note after a postscript is written inside it "
                    "(the model has no postscript of its own)",
                    el,
                )
            self.open_block("source" if el.get("type") == "source" else "inline-note", el)
            self.inline(el)
            self.close_block()
        elif self.buf is None and self.last is not None:
            # a note between blocks belongs to the block before it
            n = el.get("n") or ""
            note = self.note(el, n)
            self.footnotes.append(note)
            self.attach(NoteRef(n, note.span), el)
        else:
            self.footnote(el)

    def attach(self, ref: NoteRef, el: Any) -> None:
        last = self.last
        assert last is not None
        if last.kind == "pb":  # no marker: the writer keeps the note at the end
            self.warn(
                "CC612",
                f"note {ref.n or '(without a mark)'} belongs to a page break, which cannot "
                "hold a note; it is kept at the end of the document",
                el,
            )
        elif last.content and isinstance(last.content[-1], Mark) and last.content[-1].name == "end":
            last.content.insert(len(last.content) - 1, ref)  # the note ends the signature
        else:
            last.content.append(ref)

    def page_break(self, el: Any) -> None:
        if self.buf is not None:
            self.node(PageBreak(el.get("n", ""), self.span(el)), el)
        else:
            self.append(_Pending("pb", [PageBreak(el.get("n", ""), self.span(el))], self.span(el)))

    def line_break(self, el: Any) -> None:
        if self.buf is not None:
            self.node(LineBreak(self.span(el)), el)

    def head(self, el: Any) -> None:
        parent = el.getparent()
        if parent is self.div:
            kind = "head"
        else:
            kind = {LIST: "list-head", TABLE: "table-head"}.get(parent.tag, "subhead")
        self.open_block(kind, el)
        self.inline(el)
        assert self.buf is not None
        if kind == "head" and not visible(trim(self.buf)):
            # an empty heading is displayed as nothing but is the document's heading
            self.append(_Pending("head", [], self.span(el)))
            self.buf = None
            return
        self.close_block()

    def opener(self, el: Any) -> None:
        """Classification lines (``seg``), the dateline, and anything else as
        lines of the opener."""
        if el.text and el.text.strip():
            self.open_block("opener", el)
            self.text(collapse(el.text), el)
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag in (SEG, DATELINE, SALUTE, BYLINE, SIGNED):
                kind = {SEG: "classification", DATELINE: "dateline", SALUTE: "salute"}
                self.open_block(kind.get(tag, "opener"), child)
                self.inline(child)
                self.close_block()
            elif tag in (NOTE, PB, LB):
                self.block(child)
            else:
                if self.buf is None:
                    self.open_block("opener", child)
                self.inline_child(child)
            if child.tail and child.tail.strip():
                self.text(collapse(child.tail), el)
        self.close_block()

    def closer(self, el: Any) -> None:
        """The closer as one block of lines: a ``signed``, a ``dateline`` or a
        ``salute`` in it stands on lines of its own, and marks keep where (the
        closer's ``parts``). A ``signed`` that holds a list is the list of
        signers."""
        self.open_block("closer", el)
        self.text(collapse(el.text), el)
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag in (SIGNED, DATELINE, SALUTE):
                assert self.buf is not None
                if visible(trim(list(self.buf))):
                    self.node(LineBreak(self.span(child)), child)
                if tag == SIGNED and _holds_blocks(child):
                    self.signers(child)
                else:
                    self.node(Mark(_local(child)), child)
                    self.inline(child)
                    self.node(Mark("end"), child)
                self.node(LineBreak(self.span(child)), child)
            elif isinstance(tag, str):
                self.inline_child(child)
            self.text(collapse(child.tail), el)
        self.close_block()

    def signers(self, signed: Any) -> None:
        """A signature that holds blocks: a list is the list of signers; the
        blocks of anything else are read in its place, and the signature is
        not known as one (a warning)."""
        start = len(self.out)
        self.inline(signed)
        lists = [p for p in self.out[start:] if p.kind == "item"]
        if signed.find(f".//{LIST}") is not None and signed.find(f".//{TABLE}") is None:
            for pending in lists:
                pending.kind = "signer"
            if signed.find(f".//{LIST}//{LIST}") is not None:
                self.warn(
                    "CC617",
                    "signers listed in nested lists (by country) are written as lists side by "
                    "side: the signature is taken to be the first of them",
                    signed,
                    hint="the text is complete; only the first list is marked as signed",
                )
        else:
            self.warn(
                "CC617",
                "a signature holding paragraphs or a table is read as blocks after the closer: "
                "the model's signature holds lines only",
                signed,
                hint="the text is complete; the outputs do not show it as signed",
            )

    def list_(self, el: Any) -> None:
        self.close_block()
        first = True
        label: Any = None
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == HEAD:
                self.block(child)
                first = False
            elif tag == LABEL:
                label = child
            elif tag == ITEM:
                self.open_block("item", child, "\n\n" if first else "\n")
                first = False
                if label is not None:  # "(a)" before the item: the item's first words
                    self.count_markup(label)
                    self.inline(label)
                    self.text(" ", label)
                    label = None
                self.inline(child)
                self.close_block()
            else:
                self.block(child)
        self.close_block()

    def quote(self, el: Any) -> None:
        self.count_markup(el)
        if any(el.find(x) is not None for x in (P, LIST, LG)):
            self.children(el)
        else:
            self.open_block("para", el)
            self.inline(el)
            self.close_block()

    def table(self, el: Any) -> None:
        """Each row one block, its cells apart by marks (a paragraph inside a
        cell splits the row, as it is displayed)."""
        self.close_block()
        first = True
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if child.tag != ROW:
                self.block(child)
                continue
            self.open_block("row", child, "\n\n" if first else "\n")
            first = False
            cells = 0
            for cell in child:
                if not isinstance(cell.tag, str):
                    continue
                if cell.tag != CELL:
                    self.warn(
                        "CC613", f"<{_qname(cell)}> in a table row outside a cell is left out", cell
                    )
                    continue
                if cells:
                    self.node(Mark("cell"), cell)
                cells += 1
                if _paragraphs_only(cell):
                    self.cell_paragraphs(cell)
                else:
                    self.inline(cell)
            self.close_block()

    def cell_paragraphs(self, cell: Any) -> None:
        """A cell of paragraphs (the notes on a row, frus1902app1 d33): one
        cell, its paragraphs a blank line apart (two line breaks), as the
        writer keeps them."""
        first = True
        for p in cell:
            if not isinstance(p.tag, str):
                continue
            if not first:
                self.node(LineBreak(self.span(p)), p)
                self.node(LineBreak(self.span(p)), p)
            first = False
            self.inline(p)

    def line_group(self, el: Any) -> None:
        self.close_block()
        first = True
        for child in el:
            if isinstance(child.tag, str) and child.tag == L:
                self.open_block("item", child, "\n\n" if first else "\n")
                first = False
                self.inline(child)
                self.close_block()
            else:
                self.block(child)

    def attachment(self, el: Any) -> None:
        self.close_block()
        inner: list[_Pending] = []
        self.out.append(_Pending("attachment", [], self.span(el), blocks=inner))
        outer, self.out = self.out, inner
        self.children(el)
        self.out = outer

    def div_block(self, el: Any) -> None:
        if el.get("type") == "document":  # an enclosure encoded as a document (older files)
            self.attachment(el)
        else:
            self.close_block()
            self.children(el)

    # ---- the document --------------------------------------------------------
    def document(self, div: Any, doc_id: str) -> DocumentRead:
        self.div = div
        trailing = _trailing_notes(div)
        skip = set(trailing)
        for child in div:
            if child in skip:
                continue
            self.block(child)
            if child.tail and child.tail.strip():
                self.text(collapse(child.tail), div)
        self.close_block()
        for el in trailing:  # notes the writer keeps after the last block
            self.footnotes.append(self.note(el, el.get("n") or ""))
        blocks = _Builder(self).blocks(self.root)
        doc = Document(doc_id, self.name, tuple(blocks), tuple(self.footnotes), self.span(div))
        if self.not_carried:
            what = ", ".join(f"{k} ×{v}" for k, v in sorted(self.not_carried.items()))
            self.diags.append(
                Diagnostic(
                    "CC619",
                    f"markup the model does not carry was left out (its text is kept): {what}",
                    doc.span,
                )
            )
        return DocumentRead(doc, self.diags)


_BLOCKS: dict[str, Callable[[_Reader, Any], None]] = {
    NOTE: _Reader.block_note,
    PB: _Reader.page_break,
    LB: _Reader.line_break,
    HEAD: _Reader.head,
    OPENER: _Reader.opener,
    CLOSER: _Reader.closer,
    LIST: _Reader.list_,
    QUOTE: _Reader.quote,
    TABLE: _Reader.table,
    LG: _Reader.line_group,
    ATTACHMENT: _Reader.attachment,
    DIV: _Reader.div_block,
}


def _trailing_notes(div: Any) -> list[Any]:
    """Footnotes after the document's last block, in order: where the writer
    keeps notes whose marker was not found (they belong to no block).

    Notes without ``@n`` right after the last block are not among them: they
    were printed without a mark at the end of that block, and the writer
    lifts them out of it (``writers.tei._lift_unlabelled``), so they belong
    to it, as between any two blocks."""
    elements = [child for child in div if isinstance(child.tag, str)]
    k = len(elements)
    while k and elements[k - 1].tag == NOTE and elements[k - 1].get("rend") != "inline":
        k -= 1
    if not k:
        return []
    while k < len(elements) and elements[k].get("n") is None:
        k += 1
    return elements[k:]


class _Builder:
    """Displayed blocks into model blocks: list items and table rows that
    follow each other join one list or table, page breaks between them
    included."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader

    def blocks(self, pending: list[_Pending], in_attachment: bool = False) -> list[Block]:
        out: list[Block] = []
        for p in pending:
            self.add(out, p, in_attachment)
        return out

    def add(self, out: list[Block], p: _Pending, in_attachment: bool) -> None:
        content = inlines(p.content)
        kind = p.kind
        if kind in ("item", "signer"):
            self.item(out, p, content)
        elif kind == "row":
            self.row(out, p)
        elif kind == "pb":
            node = p.content[0]
            assert isinstance(node, PageBreak)
            out.append(PageBreakBlock(node.n, p.span))
        elif kind == "attachment":
            assert p.blocks is not None
            out.append(Attachment(tuple(self.blocks(p.blocks, True)), p.span))
        elif kind == "source":
            out.append(SourceNote(content, p.span))
        elif kind == "head" or (kind == "subhead" and in_attachment):
            out.append(Heading(content, p.span))
        elif kind == "list-head":
            out.append(ListBlock((), p.span, head=content))
        elif kind == "classification":
            out.append(Opener(_lines(content), p.span))
        elif kind == "opener":
            out.append(Opener(_lines(content), p.span, role="place"))
        elif kind == "dateline":
            out.append(Dateline(content, p.span))
        elif kind in ("closer", "signed"):
            out.append(_closer(p))
        else:
            if kind != "para":
                self.reader.diags.append(
                    Diagnostic(
                        "CC614",
                        f"a block displayed as {kind!r} is read as a paragraph: "
                        "the model has no such block",
                        p.span,
                    )
                )
            out.append(Paragraph(content, p.span))

    def item(self, out: list[Block], p: _Pending, content: Inlines) -> None:
        """An item shown on the line after the block before it joins that
        block's list (a paragraph before it becomes the list's first item)."""
        k = len(out)
        while k and isinstance(out[k - 1], PageBreakBlock):
            k -= 1
        before = out[k - 1] if k else None
        breaks = tuple(b for b in out[k:] if isinstance(b, PageBreakBlock))
        role: Literal["signers"] | None = "signers" if p.kind == "signer" else None
        if p.sep == "\n" and isinstance(before, ListBlock) and before.role == role:
            del out[k:]
            out[-1] = replace(before, items=(*before.items, *breaks, content))
        elif p.sep == "\n" and isinstance(before, Paragraph) and role is None:
            del out[k:]
            out[-1] = ListBlock((before.content, *breaks, content), before.span)
        elif p.sep == "\n" and isinstance(before, Table) and role is None and not breaks:
            # the next item under a table nested in an item: the table was
            # printed in the list (``Table.role``), the item starts the blocks after it
            out[-1] = replace(before, role="list-item")
            out.append(Paragraph(content, p.span))
        else:
            if p.sep == "\n":
                self.new_list_warning(p, "list item")
            out.append(ListBlock((content,), p.span, role=role))

    def row(self, out: list[Block], p: _Pending) -> None:
        cells: list[list[Piece]] = [[]]
        for node in p.content:
            if isinstance(node, Mark) and node.name == "cell":
                cells.append([])
            else:
                cells[-1].append(node)
        row = tuple(inlines(trim(cell)) for cell in cells)
        before = out[-1] if out else None
        if p.sep == "\n" and isinstance(before, Table):
            out[-1] = Table((*before.rows, row), before.span)
            return
        if p.sep == "\n":
            self.new_list_warning(p, "table row")
        out.append(Table((row,), p.span))

    def new_list_warning(self, p: _Pending, what: str) -> None:
        self.reader.diags.append(
            Diagnostic(
                "CC615",
                f"{what} displayed right under a block nested in a list or table: "
                "written as the start of a new one (a blank line before it)",
                p.span,
                hint="the model cannot nest lists and tables; the text is complete",
            )
        )


def _closer(p: _Pending) -> Closer:
    """A closer and its parts, from the marks around them (a ``signed``
    standing alone is signed throughout); ``parts`` is left ``None`` where it
    says what a closer says without them."""
    content: list[Inline] = []
    parts: list[CloserPart] = []
    opened: tuple[str, int] | None = None
    if p.kind == "signed":
        opened = ("signed", 0)
    for node in p.content:
        if not isinstance(node, Mark):
            content.append(node)
        elif node.name != "end":
            opened = (node.name, len(content))
        elif opened is not None:
            parts.append(_part(opened[0], opened[1], len(content)))
            opened = None
    if p.kind == "signed" and opened is not None:
        parts.append(_part("signed", 0, len(content)))
    closer = Closer(tuple(content), p.span, tuple(parts))
    if closer.parts == Closer(closer.content, p.span).signature_parts():
        return Closer(closer.content, p.span)
    return closer


def _part(kind: str, start: int, end: int) -> CloserPart:
    if kind == "dateline":
        return ("dateline", start, end)
    if kind == "salute":
        return ("salute", start, end)
    return ("signed", start, end)


def _holds_blocks(el: Any) -> bool:
    return any(el.find(f".//{tag}") is not None for tag in (LIST, TABLE, P))


def _lines(content: Inlines) -> tuple[Inlines, ...]:
    lines: list[list[Inline]] = [[]]
    for node in content:
        if isinstance(node, LineBreak):
            lines.append([])
        else:
            lines[-1].append(node)
    return tuple(tuple(line) for line in lines)


def _plain(el: Any) -> bool:
    """Only text, or text highlighted (``hi``): what a name or a date can hold."""
    return all(sub is el or sub.tag == HI for sub in el.iter())


def _text(el: Any) -> str:
    return "".join(el.itertext())


def _local(el: Any) -> str:
    tag: str = el.tag
    return tag.rsplit("}", 1)[-1]


def _qname(el: Any) -> str:
    tag: str = el.tag
    if tag.startswith(f"{{{TEI_NS}}}"):
        return tag[len(TEI_NS) + 2 :]
    if tag.startswith(f"{{{FRUS_NS}}}"):
        return "frus:" + tag[len(FRUS_NS) + 2 :]
    return tag


def read_document(div: Any, doc_id: str, name: str, span_at: SpanAt) -> DocumentRead:
    """The document ``div`` as a model :class:`Document` with id ``doc_id``."""
    return _Reader(span_at, name).document(div, doc_id)


def _paragraphs_only(cell: Any) -> bool:
    """Does a cell hold two paragraphs or more and nothing else?"""
    if collapse(cell.text).strip():
        return False
    kids = [c for c in cell if isinstance(c.tag, str)]
    return (
        len(kids) >= 2
        and all(c.tag == P for c in kids)
        and not any(collapse(c.tail).strip() for c in kids)
    )
