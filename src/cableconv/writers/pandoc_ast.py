"""Pandoc's JSON AST built from the document model, and the pandoc that writes it.

The Markdown and PDF writers never hand pandoc a markup string: they
build its AST here, one small function per model node, so the text of a
transcription reaches every output as ``Str`` nodes and each writer escapes
it for its own syntax (``#set``, ``$``, ``*``, ``<script>``, ``@word`` stay
text). The few things a target needs beyond the AST are fixed snippets:
typst wrappers (``#cc-dateline[``...``]``, defined in ``data/cableconv.typ``)
and Markdown backslash escapes pandoc's writer omits.

This is the only module that runs pandoc. pandoc is pinned (3.9, AST API
1.23.1, the version ``pypandoc-binary`` ships) because the AST carries an
API version. One long-lived ``pandoc lua`` process per Python process
writes every document (``data/pandoc_loop.lua``): starting pandoc costs
more than writing a short document. ``Options.pandoc = "oneshot"`` (the
setting ``CABLECONV_PANDOC=oneshot``) runs one ``pandoc --sandbox`` per
document instead; the tests check that both give the same bytes.
"""

from __future__ import annotations

import atexit
import importlib.util
import json
import os
import re
import select
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

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
from cableconv.notes import Pairing, pair_notes
from cableconv.writers.printed import printed

PANDOC_VERSION = "3.9"
API_VERSION = [1, 23, 1]
#: Seconds to wait for one document before pandoc is stopped (and restarted
#: for the next one); the longest corpus document takes well under one.
PANDOC_TIMEOUT = 120.0
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
#: pandoc's user data directory: one that does not exist, so that no
#: ~/.local/share/pandoc (templates, a reference.docx) changes the output.
NO_USER_DATA = DATA_DIR / "no-pandoc-user-data"

#: What pandoc writes from this AST (DOCX is written from the model, writers/docx.py).
Target = Literal["markdown", "typst"]
#: The deepest heading level pandoc's writers know.
MAX_HEADING_LEVEL = 6
Json = dict[str, Any]
#: A writer's look at each piece of text as the AST is built: what the
#: target cannot show of it (the PDF's fonts), or None.
TextCheck = Callable[[str, Span], Diagnostic | None]

#: Each kind of block (``source-note``, ``dateline``, ``list-head`` ...) is a
#: fenced-div class in Markdown and a ``#cc-<kind>[...]`` call of the typst
#: template, except these, left as they are: plain paragraphs are body text.
_UNMARKED = frozenset({"body", "list-item"})

# --------------------------------------------------------------------------
# AST nodes (pandoc-types 1.23)
# --------------------------------------------------------------------------


def _el(t: str, c: Any = None) -> Json:
    return {"t": t} if c is None else {"t": t, "c": c}


def _attr(classes: list[str] | None = None, kv: list[list[str]] | None = None) -> list[Any]:
    return ["", classes or [], kv or []]


_SPACE = _el("Space")
_WHITESPACE = re.compile(r"[ \t\n\r]+")
# What pandoc's Markdown reader would still read as markup after its writer
# has escaped the rest (found by tests/test_markdown.py's round trip): an
# entity (``&amp;``), a citation (``x@key``, ``[@key]``), a fence (``:::``),
# and the smart punctuation a reader with +smart turns into curly quotes,
# dashes and ellipses.
_MD_UNESCAPED = re.compile(r"&(?=#?[A-Za-z0-9]+;)|@|:(?=::)|['\"]|-(?=-)|\.(?=\.\.)")
# The same for pandoc's typst writer with -smart: typst's shorthands ``--``,
# ``---``, ``-?`` (soft hyphen), ``-1`` (minus sign) and ``...``. Its smart
# quotes are switched off in the template instead.
_TYPST_UNESCAPED = re.compile(r"-(?=[-?0-9])|\.(?=\.\.)")
# What typst reads as markup where a line starts, which is also where content
# in brackets starts: a heading, list, enum or term marker as a word of its
# own (``=``, ``-``, ``+``, ``/``, ``053.``). pandoc's typst writer escapes
# these where its own output starts a line, not inside the brackets of a
# table cell ``[053. 24]`` (shown as the list item "53. 24") or of a note
# ``#footnote[- a]`` (shown as "• a").
_TYPST_LINE_START = re.compile(r"=+|-|\+|/|\d+\.")


def words(text: str, target: Target) -> list[Json]:
    """Text as ``Str``/``Space`` tokens, the way pandoc's own readers split
    it: its writers decide what to escape (a leading ``1.``, ``+``, ``#``)
    by looking at whole tokens, so one ``Str`` with spaces inside would
    slip past them."""
    out: list[Json] = []
    for k, word in enumerate(_WHITESPACE.split(text)):
        if k:
            out.append(_SPACE)
        if word:
            out.extend(_escaped(word, target))
    return out


def _escaped(word: str, target: Target) -> list[Json]:
    """``Str`` pieces with a backslash escape (a fixed raw snippet) before each
    character the target's reader would take as markup."""
    if target == "markdown":
        pattern, fmt = _MD_UNESCAPED, "markdown"
        if word in (":", "~"):  # a definition-list marker at the start of a line
            return [_raw_inline(fmt, "\\" + word)]
    else:
        pattern, fmt = _TYPST_UNESCAPED, "typst"
    out: list[Json] = []
    pos = 0
    for m in pattern.finditer(word):
        if m.start() > pos:
            out.append(_el("Str", word[pos : m.start()]))
        out.append(_raw_inline(fmt, "\\" + m.group()))
        pos = m.end()
    if pos < len(word):
        out.append(_el("Str", word[pos:]))
    return out


def content_start(inlines: list[Json]) -> list[Json]:
    """Inlines that open typst content in brackets, with a marker typst
    would read as markup at their start escaped (typst's ``\\0`` is ``0``).

    >>> content_start([_el("Str", "053."), _SPACE, _el("Str", "24")])[:2]
    [{'t': 'RawInline', 'c': ['typst', '\\\\0']}, {'t': 'Str', 'c': '53.'}]
    >>> content_start([_el("Str", "1890,")])
    [{'t': 'Str', 'c': '1890,'}]
    """
    if not inlines or inlines[0].get("t") != "Str":
        return inlines
    word = inlines[0]["c"]
    if _TYPST_LINE_START.fullmatch(word) is None:
        return inlines
    rest = [_el("Str", word[1:])] if word[1:] else []
    return [_raw_inline("typst", "\\" + word[0]), *rest, *inlines[1:]]


def _trim(inlines: list[Json]) -> list[Json]:
    """No space at either end, and never two in a row (Markdown would keep them)."""
    inlines = [
        x for k, x in enumerate(inlines) if not (x is _SPACE and k and inlines[k - 1] is _SPACE)
    ]
    start, end = 0, len(inlines)
    while start < end and inlines[start] is _SPACE:
        start += 1
    while end > start and inlines[end - 1] is _SPACE:
        end -= 1
    return inlines[start:end]


# --------------------------------------------------------------------------
# the model as an AST
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class PandocDocument:
    """The AST of one document for one target.

    ``note_marks`` are the model's footnote marks (``1``, ``3``, ``†``) in
    the order the notes appear in the AST, which is the order pandoc numbers
    them in: the DOCX and PDF writers put the original marks back.
    ``losses`` report what could not be rendered as it stands.
    """

    ast: Json
    note_marks: tuple[str, ...]
    title: str
    losses: tuple[Diagnostic, ...] = ()


@dataclass
class _Builder:
    doc: Document
    target: Target
    check_text: TextCheck | None = None
    marks: list[str] = field(default_factory=list)
    losses: list[Diagnostic] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    in_note: bool = False
    in_heading: bool = False
    #: enclosures the builder is inside: their headings are one level below
    depth: int = 0
    #: notes on the heading being built (typst), written after it
    heading_notes: list[tuple[str, Footnote]] = field(default_factory=list)
    pairing: Pairing = field(init=False)

    def __post_init__(self) -> None:
        self.pairing = pair_notes(self.doc)

    # ---- inline -----------------------------------------------------------
    def inlines(self, content: Inlines) -> list[Json]:
        out: list[Json] = []
        for node in content:
            out.extend(self.inline(node))
        return _trim(out)

    def inline(self, node: Inline) -> list[Json]:
        if isinstance(node, Text | Name | DateText):
            if self.check_text is not None:
                lost = self.check_text(node.text, node.span)
                if lost is not None:
                    self.losses.append(lost)
            # names and dates are semantics for TEI; in print they are text
            return words(node.text, self.target)
        if isinstance(node, LineBreak):
            if self.in_heading and self.target == "typst":
                # pandoc writes "\" and a newline, which would end the
                # heading; the space before the break is what keeps "No. 83."
                # and "Mr. Herbert" apart in the outline and the tags, which
                # take the heading's text without its line breaks
                return [_SPACE, _raw_inline("typst", "#linebreak();")]
            return [_el("LineBreak")]
        if isinstance(node, PageBreak):
            return self.page_marker(node.n)
        if isinstance(node, NoteRef):
            return self.note(node)
        raise TypeError(f"unknown inline {node!r}")  # pragma: no cover

    def page_marker(self, n: str) -> list[Json]:
        """``[Page 379]``, visible where the page turns: a styled span, or in
        typst a margin note (``#cc-page``)."""
        text = words(f"[Page {n}]", self.target)
        if self.target == "typst":
            return [_raw_inline("typst", "#cc-page["), *text, _raw_inline("typst", "];")]
        return [_el("Span", [_attr(["page"]), text])]

    def note(self, ref: NoteRef) -> list[Json]:
        footnote = self.pairing.note(ref)
        if footnote is None or self.in_note:
            why = "inside a footnote" if self.in_note else "without a note"
            self.lose("CC401", f"footnote marker {ref.n} {why} kept as a superscript", ref.span)
            return [_el("Superscript", [_el("Str", ref.n)])]
        self.used.add(id(footnote))
        if self.in_heading and self.target == "typst":
            return [self.heading_note(footnote)]
        return [self.note_node(footnote)]

    def heading_note(self, footnote: Footnote) -> Json:
        """A note on a heading, for typst: the heading refers to it by label
        and the note itself follows the heading, hidden where it stands (its
        entry still goes to the foot of the page). Inside the heading, its
        text would be part of the heading's text, which typst makes the PDF
        bookmark and tag ("…to the PresidentSent by the Naval Attaché")."""
        label = f"cc-note-{len(self.heading_notes) + len(self.marks) + 1}"
        self.heading_notes.append((label, footnote))
        return _raw_inline("typst", f"#footnote(<{label}>)")

    def pending_heading_notes(self) -> list[Json]:
        out: list[Json] = []
        for label, footnote in self.heading_notes:
            note = self.note_node(footnote)["c"][0]["c"]  # the note's inlines
            out.append(
                _el(
                    "Plain",
                    [
                        _raw_inline("typst", "#place(hide[#footnote["),
                        *note,
                        _raw_inline("typst", f"] <{label}>]);"),
                    ],
                )
            )
        self.heading_notes.clear()
        return out

    def note_node(self, footnote: Footnote) -> Json:
        self.marks.append(footnote.n)
        self.in_note = True
        content = self.inlines(footnote.content)
        self.in_note = False
        if self.target == "typst":  # pandoc writes it as #footnote[...]
            content = content_start(content)
        return _el("Note", [_el("Para", content)])

    # ---- blocks -----------------------------------------------------------
    def blocks(self, blocks: tuple[Block, ...]) -> list[Json]:
        out: list[Json] = []
        turns: list[PageBreakBlock] = []
        for block in blocks:
            if self.target == "typst" and isinstance(block, PageBreakBlock):
                turns.append(block)
                continue
            if turns:
                out.extend(self.page_turns(turns))
                turns = []
            out.extend(self.block(block))
        if turns:
            out.extend(self.page_turns(turns))
        return out

    def page_turns(self, turns: list[PageBreakBlock]) -> list[Json]:
        """Page turns between blocks one after another, nothing printed
        between them, for typst: their labels one below the other in one
        margin note. Each in a note of its own, they were drawn over each
        other (frus1872p2v5/d149: ``[Page 272]`` to ``[Page 277]``)."""
        inlines: list[Json] = []
        for k, turn in enumerate(turns):
            if k:
                inlines.append(_el("LineBreak"))
            inlines.extend(words(f"[Page {turn.n}]", "typst"))
        return self.styled("page-break", [_el("Plain", inlines)])

    def block(self, block: Block) -> list[Json]:
        return _BLOCK_BUILDERS[type(block)](self, block)

    def styled(self, kind: str, blocks: list[Json]) -> list[Json]:
        """Blocks of one kind, told apart the way the target can: a fenced div
        class (Markdown), a template function (typst)."""
        if kind in _UNMARKED:
            return blocks
        if self.target == "typst":
            return [
                _el("RawBlock", ["typst", f"#cc-{kind}["]),
                *blocks,
                _el("RawBlock", ["typst", "]"]),
            ]
        return [_el("Div", [_attr([kind]), blocks])]

    def para(self, kind: str, content: Inlines) -> list[Json]:
        inlines = self.inlines(content)
        return self.styled(kind, [_el("Para", inlines)]) if inlines else []

    def source_note(self, block: SourceNote) -> list[Json]:
        return self.para("source-note", block.content)

    def heading(self, block: Heading) -> list[Json]:
        self.in_heading = True
        content = self.inlines(block.content)
        self.in_heading = False
        level = min(1 + self.depth, MAX_HEADING_LEVEL)
        notes = self.pending_heading_notes()
        return ([_el("Header", [level, _attr(), content])] if content else []) + notes

    def opener(self, block: Opener) -> list[Json]:
        """Classification lines (``top secret``) in small caps; the model keeps
        their case, as the FRUS TEI does."""
        lines: list[Json] = []
        for line in block.lines:
            inlines = self.inlines(line)
            if inlines:
                if lines:
                    lines.append(_el("LineBreak"))
                lines.append(_el("SmallCaps", inlines))
        return self.styled("classification", [_el("Para", lines)]) if lines else []

    def dateline(self, block: Dateline) -> list[Json]:
        return self.para("dateline", block.content)

    def paragraph(self, block: Paragraph) -> list[Json]:
        return self.para("body", block.content)

    def list_block(self, block: ListBlock) -> list[Json]:
        """Items as they stand, one paragraph each: the transcription's items
        carry their own numbers (``2.``, ``(a)``), so no list markers are added."""
        out = self.para("list-head", block.head) if block.head is not None else []
        for item in block.items:
            if isinstance(item, PageBreakBlock):
                out.extend(self.page_break_block(item))
            else:
                out.extend(self.para("list-item", item))
        return self.styled("list", out)

    def table(self, block: Table) -> list[Json]:
        width = max((len(row) for row in block.rows), default=0)
        if width == 0:
            return []
        cells = [
            [self.inlines(cell) for cell in row] + [[]] * (width - len(row)) for row in block.rows
        ]
        if self.target == "typst":
            return [self.typst_table(width, block.header_rows or 0, cells)]
        rows = [_row(row) for row in cells]
        colspecs = [[_el("AlignDefault"), _el("ColWidthDefault")] for _ in range(width)]
        return [
            _el(
                "Table",
                [
                    _attr(),
                    [None, []],
                    colspecs,
                    [_attr(), []],
                    [[_attr(), 0, [], rows]],
                    [_attr(), []],
                ],
            )
        ]

    def typst_table(self, width: int, header_rows: int, rows: list[list[list[Json]]]) -> Json:
        """``#cc-table(columns: 2, header: 1)[cell][cell]…;``: a table of the
        template's, written here rather than by pandoc, whose typst writer
        puts every table in a ``figure``. A figure cannot break across pages:
        a table taller than a page was overprinted at its foot, and a shorter
        one jumped to the next page. The cells are pandoc's inlines, escaped
        by its writer like any text."""
        head = min(header_rows, len(rows))
        out: list[Json] = [_raw_inline("typst", f"#cc-table(columns: {width}, header: {head})[")]
        for k, cell in enumerate(c for row in rows for c in row):
            if k:
                out.append(_raw_inline("typst", "]["))
            out.extend(content_start(cell))
        out.append(_raw_inline("typst", "];"))
        return _el("Plain", out)

    def page_break_block(self, block: PageBreakBlock) -> list[Json]:
        if self.target == "typst":  # the template sets it in the margin
            return self.styled("page-break", [_el("Plain", words(f"[Page {block.n}]", "typst"))])
        return self.styled("page-break", [_el("Plain", self.page_marker(block.n))])

    def closer(self, block: Closer) -> list[Json]:
        return self.para("signature", block.content)

    def attachment(self, block: Attachment) -> list[Json]:
        """An enclosure: its blocks, its headings one level below those of
        the document that encloses it."""
        self.depth += 1
        try:
            return self.styled("attachment", self.blocks(block.blocks))
        finally:
            self.depth -= 1

    def unanchored_notes(self) -> list[Json]:
        """Footnotes whose marker was not found: kept as real notes, anchored
        in a paragraph of their own at the end, so no note is dropped."""
        out: list[Json] = []
        for note in self.doc.footnotes:
            if id(note) not in self.used:
                self.lose("CC402", f"footnote {note.n} has no marker; placed at the end", note.span)
                out.extend(self.styled("unanchored-notes", [_el("Para", [self.note_node(note)])]))
        return out

    def lose(self, code: str, message: str, span: Span) -> None:
        self.losses.append(Diagnostic(code, message, span))


def _raw_inline(fmt: str, text: str) -> Json:
    return _el("RawInline", [fmt, text])


def _row(cells: list[list[Json]]) -> list[Any]:
    return [_attr(), [[_attr(), _el("AlignDefault"), 1, 1, [_el("Plain", c)]] for c in cells]]


_BLOCK_BUILDERS: dict[type[Any], Callable[[_Builder, Any], list[Json]]] = {
    SourceNote: _Builder.source_note,
    Heading: _Builder.heading,
    Opener: _Builder.opener,
    Dateline: _Builder.dateline,
    Paragraph: _Builder.paragraph,
    ListBlock: _Builder.list_block,
    Table: _Builder.table,
    PageBreakBlock: _Builder.page_break_block,
    Closer: _Builder.closer,
    Attachment: _Builder.attachment,
}


def build(doc: Document, target: Target, check_text: TextCheck | None = None) -> PandocDocument:
    """The pandoc AST of ``doc`` for one target; ``check_text`` sees every
    piece of text on the way and adds what it reports to the losses."""
    doc = printed(doc)
    builder = _Builder(doc, target, check_text)
    blocks = builder.blocks(doc.blocks) + builder.unanchored_notes()
    ast = {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": blocks}
    return PandocDocument(ast, tuple(builder.marks), doc.title, tuple(builder.losses))


# --------------------------------------------------------------------------
# running pandoc
# --------------------------------------------------------------------------


class PandocError(RuntimeError):
    """pandoc could not write a document, or is not the pinned version."""


@dataclass(frozen=True)
class WriteOptions:
    """The pandoc options cableconv uses, for the loop and the command line."""

    wrap_none: bool = False
    reference_doc: Path | None = None
    #: more command-line options, for the one-shot process only (the EPUB
    #: of a volume: ``--split-level=1``, ``--toc``)
    extra: tuple[str, ...] = ()
    #: the date pandoc writes into what it dates (an EPUB's dcterms:modified),
    #: for the one-shot process; otherwise 1970-01-01
    source_date_epoch: int | None = None

    def lua(self) -> Json:
        opts: Json = {}
        if self.wrap_none:
            opts["wrap_text"] = "wrap-none"
        if self.reference_doc is not None:
            opts["reference_doc"] = str(self.reference_doc)
        return opts

    def argv(self) -> list[str]:
        args = ["--wrap=none"] if self.wrap_none else []
        if self.reference_doc is not None:
            args.append(f"--reference-doc={self.reference_doc}")
        return [*args, *self.extra]


def pandoc_path() -> str:
    """The pandoc inside ``pypandoc-binary``; found without importing pypandoc
    (80 ms) when the wheel's layout is the usual one."""
    spec = importlib.util.find_spec("pypandoc")
    if spec is not None and spec.origin is not None:
        candidate = Path(spec.origin).parent / "files" / "pandoc"
        if candidate.is_file():
            return str(candidate)
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def _child_env() -> dict[str, str]:
    # Timestamps in pandoc's DOCX are replaced afterwards; a fixed epoch keeps
    # the loop's and the command line's bytes equal.
    return {**os.environ, "SOURCE_DATE_EPOCH": "0", "LC_ALL": "C.UTF-8"}


def _check_version(version: str, api: str) -> None:
    if version != PANDOC_VERSION or not api.startswith(".".join(map(str, API_VERSION))):
        raise PandocError(
            f"pandoc {version} (API {api}) found, cableconv needs pandoc {PANDOC_VERSION}: "
            "install the pinned pypandoc-binary (pip install -e .)"
        )


#: GHC runtime options of the long-lived loop. pandoc is built with
#: ``-with-rtsopts=-H64m``, a heap it fills and keeps: a loop that lives as long
#: as a batch worker held about 80 MB of its own after a few hundred small
#: documents, against about 30 with ``-H16m``, for some 10% more of pandoc's
#: own CPU time (under 1 ms a document). Sizes only; no output changes.
LOOP_RTS = ("+RTS", "-H16m", "-RTS")
#: Private memory (resident, not backed by its executable) past which the
#: loop is stopped after its answer, in MiB; the next document starts a new
#: one. GHC keeps the heap of the largest document it met (frus1902app1 d7:
#: 97 MB, against 7 started and 20 to 45 after ordinary ones), and a worker's pandoc
#: holding it doubled the batch's peak whenever the other worker met a large
#: document. A start costs some 30 ms, paid after a few dozen documents of the
#: dev corpus. 40 rather than 64 took the batch's peak (dev corpus, all
#: formats, 2 workers) from 496 to 470 MB PSS for no measurable CPU (frus1925v02
#: and frus1917Supp02v02: 12.5 and 12.9 s user+system, against 12.4 and 14.2).
LOOP_RESTART_MB = 40.0


class PandocLoop:
    """One ``pandoc lua`` process answering framed requests (see
    ``data/pandoc_loop.lua``). Started on first use, started again if it
    dies or if this Python process is a fork of the one that started it."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._pid = 0
        self._lock = threading.Lock()

    def write(
        self, source: Json | bytes, to: str, options: WriteOptions, raw: str, reader: str = "json"
    ) -> bytes:
        if isinstance(source, bytes):
            body = source
        else:
            body = json.dumps(source, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        request = {
            "to": to,
            "from": reader,
            "length": len(body),
            "raw": raw,
            "options": options.lua(),
        }
        header = json.dumps(request)
        with self._lock:
            for attempt in (1, 2):
                proc = self._running()
                try:
                    answer = self._exchange(proc, header.encode("utf-8") + b"\n" + body)
                except (BrokenPipeError, ConnectionResetError, EOFError):
                    self._drop()
                    if attempt == 2:
                        raise PandocError("pandoc stopped while writing " + to) from None
                    continue
                if _private_mb(proc.pid) > LOOP_RESTART_MB:
                    self._drop()
                return answer
        raise AssertionError("unreachable")  # pragma: no cover

    def _exchange(self, proc: subprocess.Popen[bytes], request: bytes) -> bytes:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(request)
        proc.stdin.flush()
        # every earlier answer was read to its end, so nothing is buffered and
        # the pipe itself says whether pandoc has answered
        ready, _, _ = select.select([proc.stdout], [], [], PANDOC_TIMEOUT)
        if not ready:
            proc.kill()
            self._drop()
            raise PandocError(f"pandoc did not answer within {PANDOC_TIMEOUT:.0f} s")
        status, _, size = proc.stdout.readline().decode("ascii", "replace").partition(" ")
        if status not in ("ok", "error"):
            raise EOFError
        payload = proc.stdout.read(int(size))
        if status == "error":
            # the loop read the whole request, so it is still in step
            raise PandocError(f"pandoc: {payload.decode('utf-8', 'replace')}")
        return payload

    def _running(self) -> subprocess.Popen[bytes]:
        if self._proc is not None and self._pid == os.getpid() and self._proc.poll() is None:
            return self._proc
        if self._pid != os.getpid():
            self._proc = None  # the parent's process: leave it to the parent
        else:
            self._drop()
        # pandoc's stderr, read only if it fails to start; a file, not a pipe
        # nobody drains, and it lives as long as the process
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        proc = subprocess.Popen(
            [
                pandoc_path(),
                *LOOP_RTS,
                "lua",
                str(DATA_DIR / "pandoc_loop.lua"),
                str(NO_USER_DATA),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=_child_env(),
        )
        assert proc.stdout is not None
        greeting = proc.stdout.readline().decode("utf-8", "replace").split()
        if len(greeting) != 3 or greeting[0] != "cableconv-pandoc":
            self._stderr.seek(0)
            message = self._stderr.read().decode("utf-8", "replace").strip()
            proc.kill()
            proc.wait()
            raise PandocError(f"pandoc lua did not start: {message or greeting}")
        try:
            _check_version(greeting[1], greeting[2])
        except PandocError:
            proc.kill()
            proc.wait()
            raise
        self._proc, self._pid = proc, os.getpid()
        return proc

    def _drop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and self._pid == os.getpid():
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    stream.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None

    def close(self) -> None:
        with self._lock:
            self._drop()


def _private_mb(pid: int) -> float:
    """Resident memory of a process not backed by a file, in MiB (from
    ``/proc/PID/statm``, a few microseconds); 0 where there is no ``/proc``."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            fields = fh.read().split()
        return (int(fields[1]) - int(fields[2])) * _PAGE / 2**20
    except (OSError, IndexError, ValueError):
        return 0.0


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_LOOP = PandocLoop()
atexit.register(_LOOP.close)


def warm_up(to: str, pandoc: str = "loop") -> None:
    """Start this process's pandoc and have it write an empty document as
    ``to``, so the first real document does not pay for either. Nothing to
    start for ``oneshot`` (a process per document)."""
    if pandoc == "loop":
        empty: Json = {"pandoc-api-version": API_VERSION, "meta": {}, "blocks": []}
        _LOOP.write(empty, to, WriteOptions(), "")


def shutdown() -> None:
    """Stop this process's pandoc; batch workers call it before they exit
    (``os._exit`` skips atexit handlers, which would leave pandoc orphaned).
    Safe to call more than once."""
    _LOOP.close()


_CHECKED_ONESHOT = False


def run_oneshot(
    source: Json | bytes, to: str, options: WriteOptions, reader: str = "json"
) -> bytes:
    """One ``pandoc --sandbox`` process for one document (the reference
    behaviour, and the baseline the loop is measured against)."""
    global _CHECKED_ONESHOT
    exe = pandoc_path()
    if not _CHECKED_ONESHOT:
        out = subprocess.run([exe, "--version"], capture_output=True, check=True).stdout
        first = out.decode("utf-8", "replace").splitlines()[0].split()[-1]
        _check_version(first, ".".join(map(str, API_VERSION)))
        _CHECKED_ONESHOT = True
    argv = [exe, "--sandbox", f"--data-dir={NO_USER_DATA}", "-f", reader, "-t", to]
    argv += [*options.argv(), "-o", "-"]
    body = source if isinstance(source, bytes) else json.dumps(source, ensure_ascii=False).encode()
    env = _child_env()
    if options.source_date_epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(options.source_date_epoch)
    result = subprocess.run(argv, input=body, capture_output=True, env=env)
    if result.returncode != 0:
        raise PandocError(f"pandoc: {result.stderr.decode('utf-8', 'replace').strip()}")
    return result.stdout


def write(
    built: PandocDocument | Json,
    to: str,
    options: WriteOptions = WriteOptions(),
    *,
    raw: str = "",
    pandoc: str = "loop",
) -> bytes:
    """pandoc's output for an AST. ``raw`` is the one raw format the AST may
    hold (the target's own snippets); anything else is refused. ``pandoc`` is
    ``Options.pandoc``: the long-lived ``loop`` or a ``oneshot`` process."""
    ast = built.ast if isinstance(built, PandocDocument) else built
    if pandoc == "oneshot":
        return run_oneshot(ast, to, options)
    return _LOOP.write(ast, to, options, raw)


def convert_text(
    text: bytes,
    reader: str,
    to: str,
    options: WriteOptions = WriteOptions(),
    *,
    pandoc: str = "loop",
) -> bytes:
    """pandoc's reading of ``text`` (sandboxed), written as ``to``: how the
    checks read our Markdown back."""
    if pandoc == "oneshot":
        return run_oneshot(text, to, options, reader)
    return _LOOP.write(text, to, options, "", reader)
