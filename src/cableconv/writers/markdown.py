"""Markdown writer: CommonMark with GitHub's tables and footnotes (GFM).

Written as GitHub, GitLab and most static-site generators render Markdown
(``cmark-gfm -e table -e footnotes``, markdown-it-py), from the model, one
small function per node. Nothing in it is pandoc-only syntax: pandoc's own
Markdown, with fenced divs and classes, is the ``markdown`` format
(:mod:`cableconv.writers.pandoc_markdown`).

- YAML front matter first (``---``): title, author, date, source line, file
  number, classification, identifier, language, keywords
  (:mod:`cableconv.writers.meta`), each value a double-quoted string;
- the heading is ``#``, an enclosure's heading ``##`` (a heading's line
  breaks become spaces: a Markdown heading is one line);
- the source line, the classification (``top secret``, as the model keeps
  its case) and the dateline as paragraphs of their own, readable as they
  stand: no emphasis is added, so nothing but the text's own characters can
  be read as markup;
- paragraphs, list items (with their own printed numbers, ``1\\.``, so a
  renderer does not renumber them) and signatures as paragraphs, their line
  breaks as hard breaks (a backslash at the end of the line);
- a page turn is ``\\[Page 379\\]``, where it stands; between blocks, a
  paragraph of its own;
- tables are pipe tables, with the model's column heads or an empty head
  row (a pipe table must have one);
- footnotes are ``[^23]`` with the label the volume printed, a label
  printed again made distinct (``[^23-2]``), a note printed without a label
  ``[^unmarked-1]``; renderers number them by position, the source keeps
  the labels;
- characters Markdown would read as markup are backslash-escaped wherever
  they stand (``*``, ``_``, ``[``, ``|``, ``~``, ``^``, ``$``, an entity's ``&``;
  ``<`` is ``&lt;``), and those that are markup only at the start of a line
  (``#``, ``-``, ``+``, ``=``, ``>``, ``1.``) where a line starts; curly
  quotes, dashes and every other character are written as they are. Lines
  are not wrapped. (GitHub also makes a link of a web address in the text,
  taking its characters up to the next blank as they stand, backslashes
  included: an escaped character right after one shows its backslash in
  that link. No transcription of the development corpus has one.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

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
from cableconv.writers import Output
from cableconv.writers.meta import metadata
from cableconv.writers.printed import printed

_WHITESPACE = re.compile(r"[ \t\n\r]+")
#: Markup wherever it stands: emphasis, code, links and footnotes, table
#: cells, strikethrough, the backslash itself, ``^`` (an inline footnote
#: ``^[…]`` in markdown-it and pandoc), ``$`` (GitHub's math), an ``&`` that would start an
#: entity, and ``<`` (raw HTML, autolinks), written ``&lt;``: a backslash
#: before it would become part of a web address just before.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]|~^$<]|&(?=#?[A-Za-z0-9]+;)")
#: Markup at the start of a line (CommonMark 4.2, 4.3, 4.1, 5.1, 5.2): an
#: ATX heading, a list bullet, a setext underline or thematic break, a
#: block quote, an ordered list's number.
_LINE_START = re.compile(
    r"^(?:#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|[-=](?=[-= \t]*$)|>|\d{1,9}(?=[.)](?:[ \t]|$)))"
)
#: What a footnote label cannot hold.
_NOT_LABEL = re.compile(r"[\s\[\]^\\]+")


def note_slug(footnote: Footnote) -> str:
    """The note's label with what a Markdown label cannot hold made ``-``."""
    return _NOT_LABEL.sub("-", footnote.n).strip("-") or "unmarked"


#: A continuation line of a footnote is indented to stay in the note.
_NOTE_INDENT = "    "
MAX_HEADING_LEVEL = 6
_UNESCAPED_HASH = re.compile(r"(?<!\\)#")


def escape(text: str) -> str:
    r"""Text with every character Markdown would read as inline markup escaped.

    >>> escape("a *b* [c](d) <e> f_g | 1 & 2 &amp;")
    'a \\*b\\* \\[c\\](d) &lt;e> f\\_g \\| 1 & 2 \\&amp;'
    """
    return _INLINE_MARKUP.sub(_escaped, text)


def _escaped(m: re.Match[str]) -> str:
    return "&lt;" if m.group() == "<" else "\\" + m.group()


def escape_line_start(line: str) -> str:
    r"""A line whose first characters would start a block, escaped.

    >>> escape_line_start("1. That all"), escape_line_start("# 5"), escape_line_start("- x")
    ('1\\. That all', '\\# 5', '\\- x')
    >>> escape_line_start("1944. The year"), escape_line_start("---")
    ('1944\\. The year', '\\---')
    >>> escape_line_start("761.93/12"), escape_line_start("#5"), escape_line_start("> q")
    ('761.93/12', '#5', '\\> q')
    """
    m = _LINE_START.match(line)
    if m is None:
        return line
    if m.group()[0].isdigit():
        return f"{m.group()}\\{line[m.end() :]}"
    return "\\" + line


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(value, ensure_ascii=False)


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.pairing = pair_notes(doc)
        self.losses: list[Diagnostic] = []
        self.out: list[str] = []  # blocks, joined by blank lines
        self.notes: list[tuple[str, Footnote]] = []  # (label, note) in reference order
        self.labels: set[str] = set()
        self.used: set[int] = set()
        self.in_note = False
        self.depth = 0

    # ---- inline -------------------------------------------------------------
    def inlines(self, content: Inlines, line_break: str = "\\\n") -> str:
        """Inline content as Markdown: whitespace collapsed and trimmed,
        line breaks as ``line_break``, every line start escaped."""
        parts: list[str] = []
        for node in content:
            if isinstance(node, Text | Name | DateText):
                # names and dates are semantics for TEI; in print they are text
                parts.append(escape(_WHITESPACE.sub(" ", node.text)))
            elif isinstance(node, LineBreak):
                parts.append("\n")
            elif isinstance(node, PageBreak):
                parts.append(escape(f"[Page {node.n}]"))
            elif isinstance(node, NoteRef):
                parts.append(self.note_ref(node))
            else:  # pragma: no cover - the model has no other inline
                raise TypeError(f"unknown inline {node!r}")
        lines = (_squeeze(line).strip() for line in "".join(parts).split("\n"))
        return line_break.join(escape_line_start(line) for line in lines if line)

    def note_ref(self, ref: NoteRef) -> str:
        footnote = self.pairing.note(ref)
        if footnote is None or self.in_note:
            why = "inside a footnote" if self.in_note else "without a note"
            self.lose("CC401", f"footnote marker {ref.n} {why} kept as text", ref.span)
            return escape(ref.n)
        self.used.add(id(footnote))
        return f"[^{self.label(footnote)}]"

    def label(self, footnote: Footnote) -> str:
        """The note's label as printed, made distinct when printed again."""
        base = note_slug(footnote)
        return self.register(footnote, base, base if base != "unmarked" else "unmarked-1")

    def register(self, footnote: Footnote, base: str, first: str) -> str:
        """``first`` as the note's label, or ``base-2``, ``base-3`` … if taken."""
        label, k = first, 1
        while label in self.labels:
            k += 1
            label = f"{base}-{k}"
        self.labels.add(label)
        self.notes.append((label, footnote))
        return label

    # ---- blocks -------------------------------------------------------------
    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            _BLOCK_WRITERS[type(block)](self, block)

    def para(self, content: Inlines) -> None:
        text = self.inlines(content)
        if text:
            self.out.append(text)

    def source_note(self, block: SourceNote) -> None:
        self.para(block.content)

    def heading(self, block: Heading) -> None:
        text = self.inlines(block.content, line_break=" ")
        if text:
            level = min(1 + self.depth, MAX_HEADING_LEVEL)
            # a closing run of # would be read as the heading's end
            self.out.append("#" * level + " " + _UNESCAPED_HASH.sub(r"\\#", text))

    def opener(self, block: Opener) -> None:
        lines = [text for text in (self.inlines(line) for line in block.lines) if text]
        if lines:
            self.out.append("\\\n".join(lines))

    def dateline(self, block: Dateline) -> None:
        self.para(block.content)

    def paragraph(self, block: Paragraph) -> None:
        self.para(block.content)

    def list_block(self, block: ListBlock) -> None:
        """Items as they stand, one paragraph each, with their own numbers."""
        if block.head is not None:
            self.para(block.head)
        for item in block.items:
            if isinstance(item, PageBreakBlock):
                self.page_break_block(item)
            else:
                self.para(item)

    def table(self, block: Table) -> None:
        width = max((len(row) for row in block.rows), default=0)
        if width == 0:
            return
        rows = [[self.cell(cell) for cell in row] + [""] * (width - len(row)) for row in block.rows]
        heads = min(block.header_rows or 0, 1)
        head = rows[0] if heads else [""] * width
        lines = [_row(head), _row(["---"] * width), *(_row(r) for r in rows[heads:])]
        self.out.append("\n".join(lines))

    def cell(self, content: Inlines) -> str:
        """A pipe table's row is one line: a cell's line breaks are spaces."""
        return self.inlines(content, line_break=" ")

    def page_break_block(self, block: PageBreakBlock) -> None:
        self.out.append(escape(f"[Page {block.n}]"))

    def closer(self, block: Closer) -> None:
        self.para(block.content)

    def attachment(self, block: Attachment) -> None:
        self.depth += 1
        try:
            self.blocks(block.blocks)
        finally:
            self.depth -= 1

    def unanchored_notes(self) -> None:
        """Notes whose marker was not found: referenced from a paragraph of
        their own at the end (a renderer drops a note nothing refers to)."""
        refs = []
        for note in self.doc.footnotes:
            if id(note) not in self.used:
                self.lose("CC402", f"footnote {note.n} has no marker; placed at the end", note.span)
                refs.append(f"[^{self.label(note)}]")
        if refs:
            self.out.append(" ".join(refs))

    def footnotes(self) -> None:
        self.in_note = True
        for label, note in self.notes:
            text = self.inlines(note.content, line_break="\\\n" + _NOTE_INDENT)
            self.out.append(f"[^{label}]: {text}" if text else f"[^{label}]: {_EMPTY_NOTE}")
        self.in_note = False

    def lose(self, code: str, message: str, span: Span) -> None:
        self.losses.append(Diagnostic(code, message, span))


#: What an empty note shows: a footnote definition needs some content.
_EMPTY_NOTE = "\u00a0"

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


def _squeeze(text: str) -> str:
    """Runs of blanks as one (most lines have none)."""
    return _WHITESPACE.sub(" ", text) if "  " in text or "\t" in text else text


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c or " " for c in cells) + " |"


def front_matter(doc: Document) -> str:
    """The YAML front matter a site generator reads."""
    meta = metadata(doc)
    fields: list[tuple[str, str | list[str] | None]] = [
        ("title", meta.title),
        ("author", list(meta.authors) or None),
        ("date", meta.date),
        ("source", meta.source_line),
        ("file-number", meta.file_number),
        ("classification", meta.classification),
        ("identifier", meta.identifier),
        ("lang", meta.language),
        ("keywords", list(meta.keywords) or None),
    ]
    lines = ["---"]
    for key, value in fields:
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_string(v) for v in value)}]")
        elif value:
            lines.append(f"{key}: {yaml_string(value)}")
    lines.append("---")
    return "\n".join(lines)


def write_markdown(doc: Document, options: Options = Options()) -> Output:
    """The Markdown file (UTF-8, one trailing newline, deterministic) and
    what it could not render as it stands."""
    writer = _Writer(printed(doc))
    writer.blocks(writer.doc.blocks)
    writer.unanchored_notes()
    writer.footnotes()
    text = front_matter(doc) + "\n\n" + "\n\n".join(writer.out) + "\n"
    return Output(text.encode("utf-8"), tuple(writer.losses))
